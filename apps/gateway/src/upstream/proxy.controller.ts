import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setRouteTemplate } from '@opm/platform';
import { API_PREFIX, ServiceRouter } from './service-router';
import { FORWARDED_RESPONSE_HEADERS, forwardedHeaders, UpstreamClient } from './upstream.client';

/**
 * Every public path the gateway does not compose itself goes, unchanged below /api/v1, to the service that
 * declares it in its OpenAPI document (API composition lives in the gateway; business rules never do).
 */
@ApiExcludeController()
@Controller('api/v1')
export class ProxyController {
  constructor(
    private readonly router: ServiceRouter,
    private readonly upstream: UpstreamClient,
  ) {}

  @All('*')
  async forward(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const path = req.url.slice(API_PREFIX.length) || '/';
    const route = await this.router.route(req.method, path);
    // The metrics name the operation's template, never the path a client sent (ids, codes, junk).
    setRouteTemplate(req.raw, 'problem' in route ? null : `${API_PREFIX}${route.template}`);
    if ('problem' in route) {
      // The problem details filter answers; headers set here (Allow, Retry-After) go with it.
      void reply.headers(route.headers);
      throw route.problem;
    }
    const res = await this.upstream.call(route.service, {
      method: req.method,
      path,
      headers: forwardedHeaders(req),
      body: req.body ?? undefined,
    });
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = res.headers.get(name);
      // A service's Location is one of its own paths, which the public API has below the prefix.
      if (value) void reply.header(name, name === 'location' && value.startsWith('/') ? `${API_PREFIX}${value}` : value);
    }
    void reply.status(res.status).send(res.body);
  }
}
