import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { serviceForPath } from './routes';
import { FORWARDED_RESPONSE_HEADERS, forwardedHeaders, UpstreamClient } from './upstream.client';

export const API_PREFIX = '/api/v1';

/**
 * Every public path the gateway does not compose itself goes, unchanged below /api/v1, to the service that
 * owns it (API composition lives in the gateway; business rules never do).
 */
@ApiExcludeController()
@Controller('api/v1')
export class ProxyController {
  constructor(private readonly upstream: UpstreamClient) {}

  @All('*')
  async forward(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const path = req.url.slice(API_PREFIX.length) || '/';
    const res = await this.upstream.call(serviceForPath(path), {
      method: req.method,
      path,
      headers: forwardedHeaders(req),
      body: req.body ?? undefined,
    });
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = res.headers.get(name);
      if (value) void reply.header(name, value);
    }
    void reply.status(res.status).send(res.body);
  }
}
