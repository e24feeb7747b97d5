import type { OpenAPIObject } from '@nestjs/swagger';
import { isPublishedPath } from './published-paths';

type PathItem = OpenAPIObject['paths'][string];

const isOperation = (op: unknown): op is { responses: unknown; tags?: string[]; operationId?: string } => !!op && typeof op === 'object' && 'responses' in op;

/**
 * A service's path item as the public document shows it: tagged with the service unless it says otherwise, and its
 * operationIds prefixed with the service (`production_DepartmentOrdersController_get`), since services built from
 * the same kit declare the same ones and an operationId must be unique in a document.
 */
function published(name: string, item: PathItem): PathItem {
  return Object.fromEntries(
    Object.entries(item).map(([method, op]) => {
      if (!isOperation(op)) return [method, op];
      return [method, { ...op, tags: op.tags ?? [name], ...(op.operationId ? { operationId: `${name}_${op.operationId}` } : {}) }];
    }),
  ) as PathItem;
}

type Parameter = { name?: string; in?: string; schema?: { enum?: unknown[] } };

/**
 * An operation several services declare alike, each for its own values of a path parameter (the review opinion's
 * `{department}`): the public operation accepts all of them, as the gateway routes each value to its service.
 */
function withSharedParameterValues(kept: PathItem, other: PathItem): PathItem {
  return Object.fromEntries(
    Object.entries(kept).map(([method, op]) => {
      const theirs = (other as Record<string, unknown>)[method];
      if (!isOperation(op) || !isOperation(theirs) || op === theirs) return [method, op];
      const their = ((theirs as { parameters?: Parameter[] }).parameters ?? []).filter((p) => p.in === 'path' && p.schema?.enum);
      const parameters = ((op as { parameters?: Parameter[] }).parameters ?? []).map((p) => {
        const values = their.find((t) => t.name === p.name)?.schema?.enum;
        if (!values || !p.schema?.enum) return p;
        return { ...p, schema: { ...p.schema, enum: [...new Set([...p.schema.enum, ...values])] } };
      });
      return [method, { ...op, parameters }];
    }),
  ) as PathItem;
}

/**
 * The public document: the gateway's own paths plus each service's paths under /api/v1. A service's path
 * that the gateway serves itself (the combined order view) keeps the gateway's description; an operation declared
 * by several services (their shared audit endpoints) is shown as the first in service order declares it. Component
 * schemas are the gateway's and every service's (the first of a name wins).
 */
export function mergeOpenApi(gateway: OpenAPIObject, services: { name: string; doc: OpenAPIObject }[], prefix = '/api/v1'): OpenAPIObject {
  const paths = { ...gateway.paths };
  const schemas = { ...(gateway.components?.schemas ?? {}) };
  for (const { name, doc } of services) {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (!isPublishedPath(path)) continue;
      const publicPath = `${prefix}${path}`;
      paths[publicPath] = withSharedParameterValues({ ...published(name, item), ...(paths[publicPath] ?? {}) }, item);
    }
    for (const [schema, body] of Object.entries(doc.components?.schemas ?? {})) schemas[schema] ??= body;
  }
  return { ...gateway, paths, components: { ...gateway.components, schemas } };
}
