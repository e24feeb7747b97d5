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
      paths[publicPath] = { ...published(name, item), ...(paths[publicPath] ?? {}) };
    }
    for (const [schema, body] of Object.entries(doc.components?.schemas ?? {})) schemas[schema] ??= body;
  }
  return { ...gateway, paths, components: { ...gateway.components, schemas } };
}
