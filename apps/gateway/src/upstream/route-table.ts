import type { OpenAPIObject, OperationObject, ParameterObject, PathItemObject } from '@nestjs/swagger';
import { SERVICES, ServiceName } from '@opm/contracts';
import { isPublishedPath } from '../docs/published-paths';
import { PathTemplate, pathSegments } from './path-template';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation {
  method: string;
  template: PathTemplate;
  service: ServiceName;
}

export type RouteLookup =
  | { kind: 'found'; service: ServiceName; template: string }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

/** The `enum` a document lists for a path parameter (the operation's own parameters first, then the path item's). */
function declaredValues(item: PathItemObject, operation: OperationObject, name: string): readonly string[] | undefined {
  for (const parameter of [...(operation.parameters ?? []), ...(item.parameters ?? [])]) {
    const p = parameter as ParameterObject;
    if (p.in !== 'path' || p.name !== name) continue;
    const values = (p.schema as { enum?: unknown[] } | undefined)?.enum;
    return Array.isArray(values) ? values.map(String) : undefined;
  }
  return undefined;
}

/**
 * Which service answers a method and path under /api/v1, derived from the operations the services declare in
 * their OpenAPI documents. Templates match segment by segment; where several match, the most specific wins
 * (at the first segment where they differ: literal text, then a parameter limited to listed values, then any
 * value), as the services' own routers choose. Lookups go through arrays, Sets and Maps only, so no path
 * segment can reach an object's prototype.
 */
export class RouteTable {
  private constructor(
    /** By number of segments, most specific first, in the platform's service order among equals. */
    private readonly operations: ReadonlyMap<number, readonly Operation[]>,
    /** Operations several services declare alike, with nothing to tell them apart: the first service gets them. */
    readonly shared: readonly string[],
  ) {}

  static fromDocuments(documents: ReadonlyMap<ServiceName, OpenAPIObject>): RouteTable {
    const operations: Operation[] = [];
    for (const service of SERVICES) {
      for (const [path, item] of Object.entries(documents.get(service)?.paths ?? {})) {
        if (!isPublishedPath(path)) continue;
        for (const method of METHODS) {
          const operation = item[method];
          if (!operation) continue;
          const template = PathTemplate.parse(path, (name) => declaredValues(item, operation, name));
          operations.push({ method: method.toUpperCase(), template, service });
        }
      }
    }
    const byLength = new Map<number, Operation[]>();
    for (const op of [...operations].sort((a, b) => a.template.compare(b.template))) {
      byLength.set(op.template.length, [...(byLength.get(op.template.length) ?? []), op]);
    }
    return new RouteTable(byLength, sharedOperations(operations));
  }

  lookup(method: string, path: string): RouteLookup {
    const segments = pathSegments(path);
    // Every service answers HEAD wherever it answers GET (Fastify's exposeHeadRoutes).
    const wanted = method === 'HEAD' ? 'GET' : method;
    const allow = new Set<string>();
    for (const op of this.operations.get(segments.length) ?? []) {
      if (!op.template.matches(segments)) continue;
      if (op.method === wanted) return { kind: 'found', service: op.service, template: op.template.template };
      allow.add(op.method);
    }
    if (allow.size === 0) return { kind: 'not-found' };
    if (allow.has('GET')) allow.add('HEAD');
    return { kind: 'method-not-allowed', allow: METHODS.map((m) => m.toUpperCase()).filter((m) => allow.has(m)) };
  }
}

function sharedOperations(operations: readonly Operation[]): string[] {
  const byShape = new Map<string, Operation[]>();
  for (const op of operations) {
    const key = `${op.method} ${op.template.shape}`;
    byShape.set(key, [...(byShape.get(key) ?? []), op]);
  }
  return [...byShape.values()]
    .filter((ops) => new Set(ops.map((o) => o.service)).size > 1)
    .map((ops) => `${ops[0].method} ${ops[0].template.template} (${[...new Set(ops.map((o) => o.service))].join(', ')}: ${ops[0].service} answers)`);
}
