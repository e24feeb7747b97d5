import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { Metrics } from './metrics';
import { methodLabel, routeLabel, statusLabel } from './route-label';
import { endServerSpan } from './tracing';

/** Route templates set by a handler that routes by itself (the gateway's proxy: the service's template, or none). */
const routeTemplates = new WeakMap<IncomingMessage, string | null>();

/** Names the template a request matched when the framework's route is a wildcard; `null`: it matched nothing. */
export function setRouteTemplate(req: IncomingMessage, template: string | null): void {
  routeTemplates.set(req, template);
}

/**
 * Times every answer into `opm_http_request_duration_seconds` (method, route template, status) and closes the
 * request's server span with the same route. Fastify's onResponse hook sees every answer, a 404 of no route included.
 */
export function instrumentHttp(app: NestFastifyApplication): void {
  const metrics = app.get(Metrics, { strict: false });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      const raw = request.raw;
      const route = routeLabel(routeTemplates.has(raw) ? routeTemplates.get(raw) : request.routeOptions?.url);
      metrics.httpDuration.observe({ method: methodLabel(request.method), route, status: statusLabel(reply.statusCode) }, reply.elapsedTime / 1000);
      endServerSpan(raw, route, reply.statusCode);
      done();
    });
}
