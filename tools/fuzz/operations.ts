/**
 * The operations of an OpenAPI 3.0 document as the fuzzer needs them: method, path template, path and query
 * parameters and the JSON body, each schema with its `$ref`s resolved (pure: no I/O).
 */

/** The subset of JSON Schema (OpenAPI 3.0 flavour) the generators read. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
  default?: unknown;
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  /** `operationId`, or `METHOD path` when the document gives none. */
  id: string;
  method: string;
  /** As the document writes it, `/api/v1/orders/{id}`. */
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: Schema;
  bodyRequired: boolean;
  /** Example bodies the document gives (valid by construction: the services' own examples). */
  examples: unknown[];
  /** Whether the document says no token is needed (`security: []`). */
  public: boolean;
}

interface DocumentLike {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema> };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Resolves `#/components/schemas/X` references (depth-limited, so a recursive schema ends as `{}`). */
export function resolveSchema(schema: Schema | undefined, doc: DocumentLike, depth = 0): Schema {
  if (!schema || depth > 12) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveSchema(doc.components?.schemas?.[name], doc, depth + 1);
  }
  const out: Schema = { ...schema };
  if (schema.items) out.items = resolveSchema(schema.items, doc, depth + 1);
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolveSchema(v, doc, depth + 1)]));
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    if (schema[key]) out[key] = schema[key]?.map((s) => resolveSchema(s, doc, depth + 1));
  }
  // `allOf` of one part (how Nest writes a typed property) is that part with the outer keywords on top.
  if (out.allOf && out.allOf.length === 1) {
    const { allOf, ...rest } = out;
    return { ...allOf[0], ...rest };
  }
  return out;
}

/** Every operation of the document, in the document's order. */
export function operationsOf(doc: DocumentLike): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    for (const method of HTTP_METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const parameters = [...shared, ...((op.parameters as unknown[] | undefined) ?? [])]
        .map((p) => p as { name: string; in: string; required?: boolean; schema?: Schema })
        .filter((p): p is { name: string; in: 'path' | 'query'; required?: boolean; schema?: Schema } => p.in === 'path' || p.in === 'query')
        .map((p) => ({ name: p.name, in: p.in, required: p.in === 'path' || p.required === true, schema: resolveSchema(p.schema, doc) }));
      const requestBody = op.requestBody as { required?: boolean; content?: Record<string, { schema?: Schema; examples?: Record<string, { value?: unknown }>; example?: unknown }> } | undefined;
      const json = requestBody?.content?.['application/json'];
      const examples = [...Object.values(json?.examples ?? {}).map((e) => e.value), ...(json?.example !== undefined ? [json.example] : [])].filter((v) => v !== undefined);
      const security = op.security as unknown[] | undefined;
      out.push({
        id: (op.operationId as string | undefined) ?? `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters,
        body: json ? resolveSchema(json.schema, doc) : undefined,
        bodyRequired: requestBody?.required === true,
        examples,
        public: Array.isArray(security) && security.length === 0,
      });
    }
  }
  return out;
}

/** The list operation that counts what a create adds (`POST /x` -> `GET /x` answering `{ total }`), if any. */
export function listCounterpart(op: Operation, all: readonly Operation[]): Operation | undefined {
  if (op.method !== 'POST') return undefined;
  return all.find((o) => o.method === 'GET' && o.path === op.path && o.parameters.some((p) => p.in === 'query' && p.name === 'page'));
}
