/**
 * One segment of a declared path template: literal text, a parameter (`{id}`, one whole segment, optionally
 * limited to the values its document lists), or text mixed with parameters (`{name}.pdf`).
 */
type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'parameter'; values?: ReadonlySet<string> }
  | { kind: 'pattern'; regex: RegExp };

const PARAMETER = /^\{([^{}/]+)\}$/;

/** Lower rank = more specific: literal text beats a parameter limited to listed values (or a pattern), which beats a free parameter. */
const rank = (s: Segment): number => (s.kind === 'literal' ? 0 : s.kind === 'pattern' || s.values ? 1 : 2);

/** The values of a path parameter are compared case-insensitively: the services read them that way. */
const normalise = (value: string): string => value.toLowerCase();

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The segments of a request path (query string dropped, each segment percent-decoded). `/a/b` -> `['a', 'b']`. */
export function pathSegments(path: string): string[] {
  const bare = path.split('?', 1)[0];
  return bare.replace(/^\//, '').split('/').map(decodeSegment);
}

/** A path template of an OpenAPI document (`/orders/{id}/review`), matched segment by segment. */
export class PathTemplate {
  private constructor(
    readonly template: string,
    private readonly segments: readonly Segment[],
  ) {}

  /** `valuesOf(name)` gives the values a parameter is limited to, if any (its declared `enum`). */
  static parse(template: string, valuesOf: (name: string) => readonly string[] | undefined = () => undefined): PathTemplate {
    const segments = template
      .replace(/^\//, '')
      .split('/')
      .map((text): Segment => {
        const parameter = PARAMETER.exec(text);
        if (parameter) {
          const values = valuesOf(parameter[1]);
          return { kind: 'parameter', values: values && new Set(values.map(normalise)) };
        }
        if (!text.includes('{')) return { kind: 'literal', text };
        const source = text
          .split(/\{[^{}/]+\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]+');
        return { kind: 'pattern', regex: new RegExp(`^${source}$`) };
      });
    return new PathTemplate(template, segments);
  }

  get length(): number {
    return this.segments.length;
  }

  /** What two templates must share to be the same route: parameter names do not count, listed values do. */
  get shape(): string {
    return this.segments
      .map((s) => (s.kind === 'literal' ? s.text : s.kind === 'pattern' ? `(${s.regex.source})` : `{${[...(s.values ?? [])].sort().join('|')}}`))
      .join('/');
  }

  matches(path: readonly string[]): boolean {
    if (path.length !== this.segments.length) return false;
    return this.segments.every((s, i) => {
      const value = path[i];
      if (s.kind === 'literal') return value === s.text;
      if (value === '') return false;
      if (s.kind === 'pattern') return s.regex.test(value);
      return !s.values || s.values.has(normalise(value));
    });
  }

  /** Negative when this template is the more specific one at the first segment where the two differ. */
  compare(other: PathTemplate): number {
    for (let i = 0; i < Math.min(this.segments.length, other.segments.length); i += 1) {
      const difference = rank(this.segments[i]) - rank(other.segments[i]);
      if (difference !== 0) return difference;
    }
    return 0;
  }
}
