import type { OpenAPIV3 } from 'openapi-types';
import { HTTP_METHODS, type OpenApiDocument } from './openapi-document';

/** A change of the public contract that can break a client written against the previous one. */
export interface BreakingChange {
  /** `GET /api/v1/orders/{id} 200 application/json: departments.production`, or just the operation or path. */
  where: string;
  change: string;
}

type Schema = OpenAPIV3.SchemaObject;
type MaybeRef<T> = T | OpenAPIV3.ReferenceObject;
type Direction = 'request' | 'response';

const itemsOf = (s: Schema): MaybeRef<Schema> | undefined => (s as { items?: MaybeRef<Schema> }).items;

const isRef = (v: unknown): v is OpenAPIV3.ReferenceObject => !!v && typeof v === 'object' && typeof (v as { $ref?: unknown }).$ref === 'string';

/** Follows `#/...` references inside the document (a chain of them too). */
function deref<T>(doc: OpenApiDocument, value: MaybeRef<T> | undefined): { value: T | undefined; ref?: string } {
  let current: unknown = value;
  let first: string | undefined;
  for (let hops = 0; isRef(current) && hops < 32; hops += 1) {
    const ref = current.$ref;
    first ??= ref;
    if (!ref.startsWith('#/')) return { value: undefined, ref };
    current = ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc);
  }
  return { value: current as T | undefined, ref: first };
}

/** A schema as compared: references followed, `allOf` merged, a one-member `anyOf`/`oneOf` (with or without null) unwrapped. */
interface Shape {
  schema: Schema;
  nullable: boolean;
  refs: string[];
}

function shapeOf(doc: OpenApiDocument, input: MaybeRef<Schema> | undefined, refs: string[] = []): Shape {
  const { value, ref } = deref<Schema>(doc, input);
  const schema: Schema = value ?? {};
  const seen = ref ? [...refs, ref] : refs;
  let nullable = schema.nullable === true;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const isNull = (s: MaybeRef<Schema>) => !isRef(s) && (s as { type?: string }).type === 'null';
    const members = alternatives.filter((s) => !isNull(s));
    nullable ||= members.length < alternatives.length;
    if (members.length === 1) {
      const inner = shapeOf(doc, members[0], seen);
      return { ...inner, nullable: nullable || inner.nullable };
    }
  }
  if (schema.allOf && schema.allOf.length > 0) {
    const parts = schema.allOf.map((s) => shapeOf(doc, s, seen));
    const merged: Schema = { ...schema, allOf: undefined };
    for (const part of parts) {
      const s = part.schema;
      merged.type ??= s.type as never;
      if (s.properties) merged.properties = { ...merged.properties, ...s.properties };
      if (s.required) merged.required = [...new Set([...(merged.required ?? []), ...s.required])];
      if (s.enum) merged.enum ??= s.enum;
      if (itemsOf(s) && !itemsOf(merged)) (merged as { items?: MaybeRef<Schema> }).items = itemsOf(s);
      nullable ||= part.nullable && parts.length === 1;
    }
    return { schema: merged, nullable, refs: [...seen, ...parts.flatMap((p) => p.refs)] };
  }
  return { schema, nullable, refs: seen };
}

const typeOf = (s: Schema): string | undefined => s.type ?? (s.properties ? 'object' : itemsOf(s) ? 'array' : undefined);

/** Whether a value of type `narrow` is always one of type `wide` (an integer is a number; anything fits no type). */
const fitsIn = (narrow: string | undefined, wide: string | undefined): boolean => wide === undefined || narrow === wide || (narrow === 'integer' && wide === 'number');

const label = (where: string, path: string) => (path ? `${where}: ${path}` : where);

class Comparison {
  readonly changes: BreakingChange[] = [];
  private readonly compared = new Set<string>();

  constructor(
    private readonly previous: OpenApiDocument,
    private readonly next: OpenApiDocument,
  ) {}

  add(where: string, change: string): void {
    this.changes.push({ where, change });
  }

  /** A schema in the direction data flows: what a client sends may not be refused now; what it gets may not surprise it. */
  schema(where: string, path: string, before: MaybeRef<Schema> | undefined, after: MaybeRef<Schema> | undefined, direction: Direction): void {
    const a = shapeOf(this.previous, before);
    const b = shapeOf(this.next, after);
    // Within one place (an operation's body), a pair of references is compared once: a recursive schema ends.
    if (a.refs.length > 0 && b.refs.length > 0) {
      const key = `${where}|${direction}|${a.refs.join('>')}|${b.refs.join('>')}`;
      if (this.compared.has(key)) return;
      this.compared.add(key);
    }
    const at = label(where, path);
    const [ta, tb] = [typeOf(a.schema), typeOf(b.schema)];
    if (ta !== tb) {
      const compatible = direction === 'request' ? fitsIn(ta, tb) : fitsIn(tb, ta);
      if (!compatible) this.add(at, `type changed from ${ta ?? 'any'} to ${tb ?? 'any'}`);
      if (!compatible || ta === undefined || tb === undefined) return;
    }
    if (direction === 'request' && a.nullable && !b.nullable) this.add(at, 'no longer accepts null');
    if (direction === 'response' && !a.nullable && b.nullable) this.add(at, 'may now be null');
    this.enums(at, a.schema.enum, b.schema.enum, direction);
    if (a.schema.format && b.schema.format && a.schema.format !== b.schema.format) this.add(at, `format changed from ${a.schema.format} to ${b.schema.format}`);
    if (direction === 'request') {
      if (!a.schema.format && b.schema.format) this.add(at, `now requires format ${b.schema.format}`);
      this.bounds(at, a.schema, b.schema);
    }
    const alternatives = (s: Schema) => (s.anyOf ?? s.oneOf)?.length;
    const [na, nb] = [alternatives(a.schema), alternatives(b.schema)];
    if (na !== undefined && nb !== undefined) {
      if (direction === 'request' && nb < na) this.add(at, `accepts ${nb} alternatives instead of ${na}`);
      if (direction === 'response' && nb > na) this.add(at, `may answer ${nb} alternatives instead of ${na}`);
    }
    if (tb === 'array' || ta === 'array') {
      this.schema(where, `${path}[]`, itemsOf(a.schema), itemsOf(b.schema), direction);
    }
    if (a.schema.properties || b.schema.properties) this.properties(where, path, a.schema, b.schema, direction);
    const extra = (s: Schema) => (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
    if (extra(a.schema) && extra(b.schema)) this.schema(where, `${path}{*}`, extra(a.schema), extra(b.schema), direction);
  }

  private enums(at: string, before: unknown[] | undefined, after: unknown[] | undefined, direction: Direction): void {
    const values = (e: unknown[] | undefined) => (e ? e.filter((v) => v !== null).map((v) => JSON.stringify(v)) : undefined);
    const [ea, eb] = [values(before), values(after)];
    if (direction === 'request') {
      if (eb && !ea) this.add(at, `now accepts only ${eb.join(', ')}`);
      const dropped = ea && eb ? ea.filter((v) => !eb.includes(v)) : [];
      if (dropped.length > 0) this.add(at, `no longer accepts ${dropped.join(', ')}`);
    } else {
      if (ea && !eb) this.add(at, `was one of ${ea.join(', ')}, now any value`);
      const added = ea && eb ? eb.filter((v) => !ea.includes(v)) : [];
      if (added.length > 0) this.add(at, `may now be ${added.join(', ')}`);
    }
  }

  /** What a client sends may not be refused by a tighter limit. */
  private bounds(at: string, a: Schema, b: Schema): void {
    const tighter = (key: 'maxLength' | 'maximum' | 'maxItems', lower: boolean) => {
      const [va, vb] = [a[key], b[key]];
      if (vb !== undefined && (va === undefined || (lower ? vb < va : vb > va))) this.add(at, `${key} ${va ?? 'none'} -> ${vb}`);
    };
    tighter('maxLength', true);
    tighter('maximum', true);
    tighter('maxItems', true);
    for (const key of ['minLength', 'minimum', 'minItems'] as const) {
      const [va, vb] = [a[key], b[key]];
      if (vb !== undefined && (va === undefined || vb > va)) this.add(at, `${key} ${va ?? 'none'} -> ${vb}`);
    }
    if (b.pattern && a.pattern !== b.pattern) this.add(at, `pattern ${a.pattern ?? 'none'} -> ${b.pattern}`);
  }

  private properties(where: string, path: string, a: Schema, b: Schema, direction: Direction): void {
    const pa = a.properties ?? {};
    const pb = b.properties ?? {};
    const [ra, rb] = [new Set(a.required ?? []), new Set(b.required ?? [])];
    const child = (name: string) => (path ? `${path}.${name}` : name);
    for (const name of Object.keys(pa)) {
      if (!(name in pb)) {
        // Requests are validated strictly (unknown fields are refused), so a field dropped from a request breaks too.
        this.add(label(where, child(name)), direction === 'response' ? 'response property removed' : 'request property removed (sending it is now refused)');
        continue;
      }
      if (direction === 'response' && ra.has(name) && !rb.has(name)) this.add(label(where, child(name)), 'no longer always present (was required)');
      this.schema(where, child(name), pa[name], pb[name], direction);
    }
    if (direction === 'request') {
      for (const name of rb) {
        if (!ra.has(name)) this.add(label(where, child(name)), name in pa ? 'request field now required' : 'new required request field');
      }
    }
  }
}

const paramKey = (p: OpenAPIV3.ParameterObject) => `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;

function parametersOf(doc: OpenApiDocument, item: OpenAPIV3.PathItemObject, op: OpenAPIV3.OperationObject): Map<string, OpenAPIV3.ParameterObject> {
  const all = [...(item.parameters ?? []), ...(op.parameters ?? [])]
    .map((p) => deref<OpenAPIV3.ParameterObject>(doc, p).value)
    .filter((p): p is OpenAPIV3.ParameterObject => !!p);
  return new Map(all.map((p) => [paramKey(p), p]));
}

const isPublic = (op: OpenAPIV3.OperationObject) => Array.isArray(op.security) && op.security.length === 0;

/**
 * The changes from `previous` to `next` that can break a client of `previous`: a path or operation removed; an
 * operation that now needs a token; a new required parameter or request field, a request body now required, a
 * request value narrowed (type, enum, null, format, limits) or a request field removed (requests are validated
 * strictly); a 2xx status, media type or declared body removed; a response property removed or no longer
 * required, a response value widened (type, enum, null). Pure: two documents in, the list out (empty: compatible).
 */
export function breakingChanges(previous: OpenApiDocument, next: OpenApiDocument): BreakingChange[] {
  const c = new Comparison(previous, next);
  for (const [path, before] of Object.entries(previous.paths ?? {})) {
    const after = next.paths?.[path];
    if (!before) continue;
    if (!after) {
      c.add(path, 'path removed');
      continue;
    }
    for (const method of HTTP_METHODS) {
      const opA = before[method];
      if (!opA) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const opB = after[method];
      if (!opB) {
        c.add(name, 'operation removed');
        continue;
      }
      if (isPublic(opA) && !isPublic(opB)) c.add(name, 'now needs a token');
      const [pa, pb] = [parametersOf(previous, before, opA), parametersOf(next, after, opB)];
      for (const [key, p] of pb) {
        const old = pa.get(key);
        if (p.required && !old) c.add(`${name} parameter ${key}`, 'new required parameter');
        else if (p.required && old && !old.required) c.add(`${name} parameter ${key}`, 'parameter now required');
        if (old) c.schema(`${name} parameter ${key}`, '', old.schema, p.schema, 'request');
      }
      for (const [key] of pa) if (key.startsWith('query:') && !pb.has(key)) c.add(`${name} parameter ${key}`, 'query parameter removed (sending it is now refused)');
      requestBodies(c, name, previous, next, opA, opB);
      responses(c, name, previous, next, opA, opB);
    }
  }
  return c.changes;
}

function requestBodies(c: Comparison, name: string, previous: OpenApiDocument, next: OpenApiDocument, opA: OpenAPIV3.OperationObject, opB: OpenAPIV3.OperationObject): void {
  const a = deref<OpenAPIV3.RequestBodyObject>(previous, opA.requestBody).value;
  const b = deref<OpenAPIV3.RequestBodyObject>(next, opB.requestBody).value;
  if (!b) return;
  if (b.required && !a?.required) c.add(`${name} request body`, a ? 'request body now required' : 'new required request body');
  if (!a) return;
  for (const [type, media] of Object.entries(a.content ?? {})) {
    const other = b.content?.[type];
    if (!other) c.add(`${name} request body ${type}`, 'content type no longer accepted');
    else c.schema(`${name} request body ${type}`, '', media.schema, other.schema, 'request');
  }
}

function responses(c: Comparison, name: string, previous: OpenApiDocument, next: OpenApiDocument, opA: OpenAPIV3.OperationObject, opB: OpenAPIV3.OperationObject): void {
  for (const [status, declared] of Object.entries(opA.responses ?? {})) {
    const a = deref<OpenAPIV3.ResponseObject>(previous, declared).value;
    const b = deref<OpenAPIV3.ResponseObject>(next, opB.responses?.[status]).value;
    const success = /^2/.test(status);
    if (!b) {
      // An error a client no longer gets breaks nothing; a success it no longer gets does.
      if (success) c.add(`${name} ${status}`, 'response removed');
      continue;
    }
    for (const [type, media] of Object.entries(a?.content ?? {})) {
      const other = b.content?.[type];
      if (!other) {
        if (success) c.add(`${name} ${status} ${type}`, 'media type no longer answered');
        continue;
      }
      if (media.schema && !other.schema) c.add(`${name} ${status} ${type}`, 'body no longer declared');
      else if (media.schema) c.schema(`${name} ${status} ${type}`, '', media.schema, other.schema, 'response');
    }
  }
}
