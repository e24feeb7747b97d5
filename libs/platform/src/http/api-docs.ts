import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * How an operation documents what it answers (issue "contracts clients can be generated from"): the body of a
 * success is a named view whose zod schema is the one definition of it (the TypeScript type is `z.infer` of it,
 * the OpenAPI component is generated from it), and every error is RFC 9457 problem details.
 */
export interface ApiView<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
}

/** The TypeScript type of a view's body. */
export type ViewOf<V extends ApiView> = z.infer<V['schema']>;

const views = new Map<string, z.ZodType>();
/** The views by component name: a view inside another (a list of entries) becomes a `$ref` to its component. */
const viewRegistry = z.registry<{ id: string }>();

/** Declares a view: its component name in the OpenAPI document and its schema. One name, one schema. */
export function apiView<S extends z.ZodType>(name: string, schema: S): ApiView<S> {
  const known = views.get(name);
  if (known && known !== schema) throw new Error(`API view ${name} is declared twice with different schemas`);
  if (!known) {
    if (viewRegistry.has(schema)) throw new Error(`API view ${name}: its schema is already the view ${viewRegistry.get(schema)?.id}`);
    views.set(name, schema);
    viewRegistry.add(schema, { id: name });
  }
  return { name, schema };
}

const ref = (view: ApiView) => ({ $ref: `#/components/schemas/${view.name}` });

export const FieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export const ProblemDetailsSchema = apiView(
  'ProblemDetails',
  z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.number().int(),
      detail: z.string(),
      /** Every bad field of a 400 (and a 422 that names one). */
      errors: z.array(FieldErrorSchema).optional(),
      /** A 409 says the status it found, and the action it refused. */
      currentStatus: z.string().optional(),
      action: z.string().optional(),
      currentVersion: z.number().int().optional(),
    })
    .catchall(z.unknown()),
);

const PROBLEMS: Record<number, string> = {
  400: 'the request is malformed; `errors[]` names every bad field',
  401: 'no valid bearer token',
  403: 'the caller may not do this; `detail` names what is required',
  404: 'no such resource',
  409: 'conflicts with the current state: `currentStatus` and `action`, or a stale If-Match (`currentVersion`)',
  412: 'If-Match does not match the current version',
  413: 'the body is larger than BODY_LIMIT_BYTES',
  415: 'unsupported content type',
  422: 'well-formed but refused by a business rule; `errors[]` names the field',
  429: 'too many requests; retry after Retry-After seconds',
  502: 'an upstream system (mail server) failed',
  503: 'the owning service is unavailable',
  504: 'the owning service did not answer in time',
};

const problem = (status: number) =>
  ApiResponse({
    status,
    description: PROBLEMS[status] ?? 'error',
    content: { 'application/problem+json': { schema: ref(ProblemDetailsSchema) } },
    ...(status === 429 ? { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } } : {}),
  });

/** The errors every authenticated operation can answer, beside the ones it names. */
const ALWAYS = [401, 413, 415, 429];

/**
 * A success answering `view` (or a page of it) plus the errors the operation can give; 400 whenever it takes
 * input. `headers` documents response headers such as ETag or Location.
 */
export function ApiAnswers<V extends ApiView>(
  view: V | null,
  options: {
    status?: number;
    description?: string;
    page?: boolean;
    errors?: number[];
    headers?: Record<string, string>;
    /** An example answer (not for a page): typed as the view, and parsed by its schema here, so it cannot lie. */
    example?: ViewOf<V>;
  } = {},
) {
  const status = options.status ?? 200;
  const schema = view === null ? undefined : options.page ? pageSchemaOf(view) : ref(view);
  if (options.example !== undefined) {
    if (!view || options.page) throw new Error('an example answer goes with a single view');
    const checked = view.schema.safeParse(options.example);
    if (!checked.success) throw new Error(`the example of ${view.name} does not match its schema: ${checked.error.message}`);
  }
  return applyDecorators(
    ApiResponse({
      status,
      description: options.description ?? (view ? view.name : 'no content'),
      ...(schema ? { content: { 'application/json': { schema, ...(options.example !== undefined ? { example: options.example } : {}) } } } : {}),
      ...(options.headers
        ? { headers: Object.fromEntries(Object.entries(options.headers).map(([h, description]) => [h, { description, schema: { type: 'string' } }])) }
        : {}),
    }),
    ...[...new Set([...(options.errors ?? []), ...ALWAYS])].sort((a, b) => a - b).map(problem),
  );
}

const pageSchemaOf = (view: ApiView) => ({
  type: 'object',
  required: ['items', 'total', 'page', 'pageSize'],
  properties: { items: { type: 'array', items: ref(view) }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
});

/** The If-Match header of a write on a versioned resource (R1.1): a stale version is 409. */
export const ApiIfMatch = () =>
  ApiHeader({ name: 'If-Match', required: false, description: 'the version last seen (`version` of the resource); a stale one is 409' });

/** Marks an operation that needs no token in the document (the guard's `@Public()` decides access). */
export const ApiPublic = () => ApiExtension('x-public', true);

/** Every `#/components/schemas/<name>` a part of the document refers to. */
function referencedSchemas(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => referencedSchemas(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) into.add(v.slice('#/components/schemas/'.length));
      else referencedSchemas(v, into);
    }
  }
  return into;
}

/**
 * Completes a service's generated document: the views it answers with as components (only those: a process that
 * hosts several services knows all their views), bearer security on every operation but the public ones, so
 * generated clients and the docs UI know a token is needed; a public operation never answers 401.
 */
export function completeApiDocument(doc: OpenAPIObject): OpenAPIObject {
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    paths[path] = Object.fromEntries(
      Object.entries(item).map(([method, op]) => {
        if (!op || typeof op !== 'object' || !('responses' in op)) return [method, op];
        const { 'x-public': isPublic, ...rest } = op as Record<string, unknown>;
        if (!isPublic) return [method, { ...rest, security: [{ bearer: [] }] }];
        // A public operation needs no token, so "no valid bearer token" is not among its answers; a 401 it
        // declares itself (the token endpoint's wrong password) stays.
        const { 401: unauthorized, ...responses } = rest.responses as Record<string, { description?: string }>;
        const own = unauthorized && unauthorized.description !== PROBLEMS[401] ? { 401: unauthorized } : {};
        return [method, { ...rest, responses: { ...responses, ...own }, security: [] }];
      }),
    );
  }
  const generated = z.toJSONSchema(viewRegistry, { target: 'openapi-3.0', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` }).schemas;
  const schemas: Record<string, unknown> = { ...(doc.components?.schemas ?? {}) };
  // The views the operations answer with, and the views those refer to; no others.
  const included = new Set<string>();
  for (let wanted = referencedSchemas([paths, schemas]); wanted.size > 0; ) {
    const added = [...wanted].filter((name) => !included.has(name) && name in generated);
    for (const name of added) {
      const { $id: _id, ...schema } = generated[name];
      schemas[name] = withoutRedundantPatterns(schema);
      included.add(name);
    }
    wanted = referencedSchemas(added.map((name) => schemas[name]));
  }
  return { ...doc, paths, components: { ...doc.components, schemas: schemas as never } };
}

/** A `format` (uuid, date-time, date, email) says what zod's long generated regex says; clients read the format. */
function withoutRedundantPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRedundantPatterns);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>);
  const hasFormat = entries.some(([k, v]) => k === 'format' && typeof v === 'string' && ['uuid', 'date-time', 'date', 'email'].includes(v));
  return Object.fromEntries(entries.filter(([k]) => !(hasFormat && k === 'pattern')).map(([k, v]) => [k, withoutRedundantPatterns(v)]));
}
