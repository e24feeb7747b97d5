import type { OpenAPIObject } from '@nestjs/swagger';
import { isPublishedPath } from './published-paths';

/**
 * The public document: the gateway's own paths plus each service's paths under /api/v1. A service's path
 * that the gateway serves itself (the combined order view) keeps the gateway's description.
 */
export function mergeOpenApi(gateway: OpenAPIObject, services: { name: string; doc: OpenAPIObject }[], prefix = '/api/v1'): OpenAPIObject {
  const paths = { ...gateway.paths };
  const schemas = { ...(gateway.components?.schemas ?? {}) };
  for (const { name, doc } of services) {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (!isPublishedPath(path)) continue;
      const publicPath = `${prefix}${path}`;
      paths[publicPath] = { ...item, ...(paths[publicPath] ?? {}) };
      for (const op of Object.values(paths[publicPath])) {
        if (op && typeof op === 'object' && 'responses' in op) {
          (op as { tags?: string[] }).tags ??= [name];
        }
      }
    }
    for (const [schema, body] of Object.entries(doc.components?.schemas ?? {})) schemas[schema] ??= body;
  }
  return { ...gateway, paths, components: { ...gateway.components, schemas } };
}
