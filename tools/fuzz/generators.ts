import fc from 'fast-check';
import type { Operation, Parameter, Schema } from './operations';

/**
 * fast-check arbitraries for one request to one operation: a valid request built from the operation's schemas
 * (and the document's own example bodies), or one of the mutations that broke services before (issue 11): NUL
 * and lone surrogates in strings, huge and non-integer numbers, deep nesting, wrong types, prototype keys, odd
 * methods, over-long paths and headers. Pure: what is sent and how is the runner's.
 */

export interface FuzzRequest {
  operation: string;
  method: string;
  /** Path and query string as sent (percent-encoded where they should be, deliberately not where a mutation says). */
  path: string;
  /** Raw body text (JSON, or deliberately not). */
  body?: string;
  headers: Record<string, string>;
  /** Demo user whose token goes with it; null: no token. */
  user: string | null;
  /** `valid`, or what was broken (`body lines[0].productName: NUL`). */
  mutation: string;
}

/** Values seen in earlier answers (ids, codes), by field name, so path parameters can name things that exist. */
export type ValuePool = ReadonlyMap<string, readonly string[]>;

export interface GeneratorContext {
  users: readonly string[];
  pool: ValuePool;
}

const MAX_STRING = 40;

/** Strings that are valid JSON text and valid UTF-16 but that no database column should receive. */
export const NASTY_STRINGS: readonly { name: string; value: string }[] = [
  { name: 'NUL', value: 'a\u0000b' },
  { name: 'lone surrogate', value: 'x\ud800' },
  { name: 'lone low surrogate', value: '\udc00' },
  { name: 'empty', value: '' },
  { name: 'long', value: 'x'.repeat(70_000) },
  { name: 'prototype key', value: '__proto__' },
];

/** Values of the wrong type or range, put where anything else was expected. */
export const NASTY_VALUES: readonly { name: string; value: unknown }[] = [
  { name: 'huge number', value: 1e20 },
  { name: 'negative huge number', value: -1e20 },
  { name: 'fraction', value: 1.5 },
  { name: 'zero', value: 0 },
  { name: 'empty array', value: [] },
  { name: 'nested empty array', value: [[]] },
  { name: 'empty object', value: {} },
  { name: 'null', value: null },
  { name: 'boolean', value: true },
  { name: 'number', value: 42 },
  { name: 'array of strings', value: ['a'] },
  { name: 'object', value: { a: 1 } },
  ...NASTY_STRINGS,
];

/** Path segments that must never reach a lookup table's prototype, be decoded into NUL, or exceed limits. */
export const NASTY_SEGMENTS: readonly { name: string; raw: string }[] = [
  { name: '__proto__', raw: '__proto__' },
  { name: 'constructor', raw: 'constructor' },
  { name: 'hasOwnProperty', raw: 'hasOwnProperty' },
  { name: 'NUL', raw: '%00' },
  { name: 'encoded lone surrogate', raw: '%ED%A0%80' },
  { name: 'bad percent encoding', raw: '%E0%A4%A' },
  { name: 'lone percent', raw: '%' },
  { name: 'long segment', raw: 'x'.repeat(2_000) },
  { name: 'very long segment (414/431)', raw: 'x'.repeat(20_000) },
  { name: 'dot segment', raw: '..' },
];

export const NASTY_QUERY_VALUES: readonly { name: string; raw: string }[] = [
  { name: '1e20', raw: '1e20' },
  { name: 'negative', raw: '-1' },
  { name: 'fraction', raw: '1.5' },
  { name: 'word', raw: 'abc' },
  { name: 'NUL', raw: '%00' },
  { name: 'encoded lone surrogate', raw: '%ED%A0%80' },
  { name: 'bad percent encoding', raw: '%E0%A4%A' },
  { name: 'huge integer', raw: '99999999999999999999999' },
  { name: 'empty', raw: '' },
];

/**
 * Methods Node's parser knows but the API does not use (405; not CONNECT, which Node treats as a tunnel), and the API's own on the wrong path. Methods the
 * parser does not know (TRACK, FOO) are answered 501 by it, as RFC 9110 says; the hardening e2e test sends those.
 */
export const ODD_METHODS: readonly string[] = ['TRACE', 'OPTIONS', 'HEAD', 'PROPFIND', 'MKCOL', 'DELETE', 'PATCH', 'PUT'];

/** A valid value of a schema (as far as a schema can say: formats, enums, bounds, required properties). */
export function validValue(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const base = validNonNull(schema, depth);
  return schema.nullable ? fc.option(base, { nil: null, freq: 5 }) : base;
}

function validNonNull(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.oneOf?.length || schema.anyOf?.length) return fc.oneof(...(schema.oneOf ?? schema.anyOf ?? []).map((s) => validValue(s, depth + 1)));
  if (schema.allOf?.length) return validValue(Object.assign({}, ...schema.allOf), depth + 1);
  const example = schema.example !== undefined ? [fc.constant(schema.example)] : [];
  switch (schema.type ?? (schema.properties ? 'object' : undefined)) {
    case 'string':
      return example.length ? fc.oneof({ weight: 3, arbitrary: example[0] }, { weight: 1, arbitrary: stringOf(schema) }) : stringOf(schema);
    case 'integer':
    case 'number': {
      // Whole numbers inside the bounds, for a `number` too (a fractional bound such as hoursWorked' 0.01 rounds inwards).
      const min = Math.ceil(schema.minimum ?? 0);
      const max = Math.floor(Math.min(schema.maximum ?? 1000, min + 1000));
      return fc.integer({ min, max: Math.max(min, max) });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items ?? {}, depth + 1), { minLength: schema.minItems ?? 1, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      const properties = schema.properties;
      if (depth > 6 || !properties) return fc.constant({});
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(properties).map(([k, v]) => [k, validValue(v, depth + 1)] as const);
      return fc.record(Object.fromEntries(entries), { requiredKeys: [...required].filter((k) => k in properties), noNullPrototype: true });
    }
    default:
      return example.length ? example[0] : fc.constantFrom<unknown>('x', 1, true);
  }
}

function stringOf(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'date':
      return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    default: {
      const minLength = Math.max(schema.minLength ?? 1, 0);
      return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? MAX_STRING, MAX_STRING)) });
    }
  }
}

/** Every place inside a JSON value, as a path of keys and indexes (the root is `[]`). */
export function placesIn(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => placesIn(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) placesIn(v, [...prefix, k], out);
  return out;
}

/** `lines[0].productName` for `['lines', 0, 'productName']` (how the services name a field). */
export function fieldName(place: readonly (string | number)[]): string {
  return place.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key), '') || '(body)';
}

/** A copy of `value` with `replacement` at `place` (the root when `place` is empty). */
export function replaceAt(value: unknown, place: readonly (string | number)[], replacement: unknown): unknown {
  if (place.length === 0) return replacement;
  const [head, ...rest] = place;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const obj = { ...(value as Record<string, unknown>) };
  obj[head as string] = replaceAt(obj[head as string], rest, replacement);
  return obj;
}

/** JSON text nested `depth` levels deep (arrays, objects or both). */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** The object with an own, enumerable `__proto__`/`constructor` key, so that JSON.stringify writes it. */
export function withOwnKey(value: unknown, key: string, inner: unknown): unknown {
  const base = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  Object.defineProperty(base, key, { value: inner, enumerable: true, configurable: true, writable: true });
  return base;
}

interface BodyChoice {
  text?: string;
  mutation?: string;
}

/** A valid body: one of the document's examples or one built from the schema. */
function validBody(op: Operation): fc.Arbitrary<unknown> {
  const built = op.body ? validValue(op.body) : fc.constant(undefined);
  return op.examples.length ? fc.oneof(fc.constantFrom(...op.examples), built) : built;
}

const nasty = fc.constantFrom(...NASTY_VALUES);

function mutatedBody(op: Operation): fc.Arbitrary<BodyChoice> {
  const atPlace = validBody(op).chain((body) => {
    const places = placesIn(body);
    return fc.tuple(fc.constantFrom(...places), nasty).map(([place, bad]): BodyChoice => ({
      text: JSON.stringify(replaceAt(body, place, bad.value)),
      mutation: `body ${fieldName(place)}: ${bad.name}`,
    }));
  });
  const protoKey = fc.tuple(validBody(op), fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([body, key]): BodyChoice => ({
    text: JSON.stringify(withOwnKey(body, key, { polluted: true })),
    mutation: `body: own key ${key}`,
  }));
  const deep = fc.tuple(fc.constantFrom(3000, 200, 60), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([depth, kind]): BodyChoice => ({
    text: deeplyNested(depth, kind),
    mutation: `body: ${kind}s nested ${depth} deep`,
  }));
  const wholeWrong = fc.constantFrom<BodyChoice>(
    { text: '[]', mutation: 'body: an array' },
    { text: '"text"', mutation: 'body: a string' },
    { text: '12', mutation: 'body: a number' },
    { text: 'null', mutation: 'body: null' },
    { text: '{', mutation: 'body: broken JSON' },
    { text: '{"a":"\\ud800"}', mutation: 'body: escaped lone surrogate' },
    { text: '{"a":"\\u0000"}', mutation: 'body: escaped NUL' },
  );
  return fc.oneof({ weight: 6, arbitrary: atPlace }, { weight: 1, arbitrary: protoKey }, { weight: 1, arbitrary: deep }, { weight: 1, arbitrary: wholeWrong });
}

function encodeValue(value: unknown): string {
  return encodeURIComponent(value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** A valid value for a path or query parameter: one seen in an answer (so it exists) or one from its schema. */
function parameterValue(p: Parameter, pool: ValuePool): fc.Arbitrary<string> {
  const seen = [...(pool.get(p.name) ?? []), ...(p.name.endsWith('Id') || p.name === 'id' ? (pool.get('id') ?? []) : [])];
  const fromSchema = validValue({ ...p.schema, nullable: false }).map((v) => encodeValue(v));
  if (p.name === 'page') return fc.integer({ min: 1, max: 3 }).map(String);
  return seen.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...seen).map(encodeValue) }, { weight: 1, arbitrary: fromSchema }) : fromSchema;
}

function pathWith(op: Operation, values: Record<string, string>): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name] ?? 'x');
}

function queryString(entries: readonly [string, string][]): string {
  return entries.length ? `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')}` : '';
}

/** Arbitrary request to `op`: about a third valid, the rest each break one thing. */
export function requestFor(op: Operation, ctx: GeneratorContext): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const user = fc.oneof({ weight: 12, arbitrary: fc.constantFrom<string | null>(...ctx.users) }, { weight: 1, arbitrary: fc.constant<string | null>(null) });
  const pathValues = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, parameterValue(p, ctx.pool)])), { noNullPrototype: true }) as fc.Arbitrary<Record<string, string>>;
  const query = fc
    .tuple(...queryParams.map((p) => fc.option(parameterValue(p, ctx.pool).map((v) => [p.name, v] as [string, string]), { nil: undefined, freq: 2 })))
    .map((entries) => entries.filter((e): e is [string, string] => e !== undefined));
  const takesBody = op.body !== undefined;
  const base = fc.record({ user, pathValues, query, body: takesBody ? validBody(op) : fc.constant(undefined) }, { noNullPrototype: true });

  const make = (b: { user: string | null; pathValues: Record<string, string>; query: [string, string][] }, mutation: string, over: Partial<FuzzRequest> = {}): FuzzRequest => ({
    operation: op.id,
    method: op.method,
    path: `${pathWith(op, b.pathValues)}${queryString(b.query)}`,
    headers: {},
    user: b.user,
    mutation,
    ...over,
  });
  const bodyText = (body: unknown) => (body === undefined ? undefined : JSON.stringify(body));

  const valid = base.map((b) => make(b, 'valid', { body: bodyText(b.body) }));
  const choices: { weight: number; arbitrary: fc.Arbitrary<FuzzRequest> }[] = [{ weight: 4, arbitrary: valid }];
  if (takesBody) {
    choices.push({ weight: 5, arbitrary: fc.tuple(base, mutatedBody(op)).map(([b, m]) => make(b, m.mutation ?? 'body', { body: m.text })) });
  }
  if (pathParams.length) {
    choices.push({
      weight: 2,
      arbitrary: fc.tuple(base, fc.constantFrom(...pathParams), fc.constantFrom(...NASTY_SEGMENTS)).map(([b, p, bad]) =>
        make({ ...b, pathValues: { ...b.pathValues, [p.name]: bad.raw } }, `path ${p.name}: ${bad.name}`, { body: bodyText(b.body) }),
      ),
    });
  }
  if (queryParams.length) {
    choices.push({
      weight: 2,
      arbitrary: fc.tuple(base, fc.constantFrom(...queryParams), fc.constantFrom(...NASTY_QUERY_VALUES)).map(([b, p, bad]) =>
        make({ ...b, query: [...b.query.filter(([k]) => k !== p.name), [p.name, bad.raw]] }, `query ${p.name}: ${bad.name}`, { body: bodyText(b.body) }),
      ),
    });
  }
  choices.push({
    weight: 1,
    arbitrary: fc.tuple(base, fc.constantFrom(...ODD_METHODS.filter((m) => m !== op.method))).map(([b, method]) => make(b, `method ${method}`, { method, body: bodyText(b.body) })),
  });
  choices.push({
    weight: 1,
    arbitrary: fc.tuple(base, fc.constantFrom('prototype path', 'huge header', 'bad token', 'wrong content type', 'repeated query')).map(([b, kind]): FuzzRequest => {
      const body = bodyText(b.body);
      switch (kind) {
        case 'prototype path':
          return make(b, 'path: /__proto__ appended', { path: `${pathWith(op, b.pathValues)}/__proto__`, body });
        case 'huge header':
          return make(b, 'header: 20 kB', { headers: { 'x-filler': 'x'.repeat(20_000) }, body });
        case 'bad token':
          return make(b, 'header: malformed bearer token', { headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' }, body });
        case 'wrong content type':
          return make(b, 'header: content-type text/plain', { headers: { 'content-type': 'text/plain' }, body: body ?? 'hello' });
        default:
          return make({ ...b, query: [...b.query, ['page', '1'], ['page', '2']] }, 'query: page given twice', { body });
      }
    }),
  });
  return fc.oneof(...choices);
}

/** The `n`-th request of a run: operations in turn, each drawn from its own seed, so a run is reproducible. */
export function nthRequest(ops: readonly Operation[], n: number, seed: number, ctx: GeneratorContext): FuzzRequest {
  const op = ops[n % ops.length];
  const [req] = fc.sample(requestFor(op, ctx), { seed: seed + n, numRuns: 1 });
  return req;
}
