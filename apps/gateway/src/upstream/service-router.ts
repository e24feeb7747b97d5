import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { ServiceName } from '@opm/contracts';
import { ProblemException } from '@opm/platform';
import { DocumentSet, DOCUMENT_TIMING, ServiceDocuments } from '../docs/service-documents';
import { RouteLookup, RouteTable } from './route-table';

export const API_PREFIX = '/api/v1';

/** Where a request goes: the service that declared it, or the problem to answer (with the headers that belong to it). */
export type Route = { service: ServiceName; template: string } | { problem: ProblemException; headers: Record<string, string> };

/**
 * Routes a public request to the service whose OpenAPI document declares its method and path. A miss asks the
 * services again (at most every few seconds) before it is answered: 405 with `Allow` for a declared path, 404
 * for a path nobody declares, or 503 while some service's document, and so what it declares, is still unknown.
 */
@Injectable()
export class ServiceRouter {
  private readonly logger = new Logger(ServiceRouter.name);
  private table?: { version: number; routes: RouteTable };

  constructor(private readonly documents: ServiceDocuments) {}

  /** `path` is what follows /api/v1, query string included. */
  async route(method: string, path: string): Promise<Route> {
    let known = await this.documents.current();
    let found = this.routes(known).lookup(method, path);
    if (found.kind !== 'found') {
      await this.documents.refreshIfOlderThan(DOCUMENT_TIMING.missRefreshMs);
      const fresh = this.documents.snapshot();
      if (fresh.version !== known.version) found = this.routes(fresh).lookup(method, path);
      known = fresh;
    }
    return found.kind === 'found' ? { service: found.service, template: found.template } : problemFor(found, method, `${API_PREFIX}${path.split('?', 1)[0]}`, known.unknown);
  }

  private routes(known: DocumentSet): RouteTable {
    if (this.table?.version === known.version) return this.table.routes;
    const routes = RouteTable.fromDocuments(known.documents);
    const shared = routes.shared.join('; ');
    if (shared && shared !== this.table?.routes.shared.join('; ')) this.logger.log(`declared by several services alike, the first answers: ${shared}`);
    this.table = { version: known.version, routes };
    return routes;
  }
}

function problemFor(miss: Exclude<RouteLookup, { kind: 'found' }>, method: string, path: string, unknown: readonly ServiceName[]): Route {
  if (miss.kind === 'method-not-allowed') {
    const allow = miss.allow.join(', ');
    return { problem: new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, `${path} does not take ${method}; it takes ${allow}`), headers: { allow } };
  }
  if (unknown.length > 0) {
    const detail = `no known service declares ${path}; what ${unknown.join(', ')} declare is not known yet (their OpenAPI documents could not be fetched)`;
    const retryAfter = String(Math.ceil(DOCUMENT_TIMING.missRefreshMs / 1000));
    return { problem: new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, detail, { services: [...unknown] }), headers: { 'retry-after': retryAfter } };
  }
  return { problem: new ProblemException(HttpStatus.NOT_FOUND, `no service declares ${path}`), headers: {} };
}
