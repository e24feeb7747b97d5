import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { AcceptQueryToken, setRouteTemplate } from '@opm/platform';
import { API_PREFIX, ServiceRouter } from './service-router';
import { FORWARDED_RESPONSE_HEADERS, forwardedHeaders, UpstreamClient } from './upstream.client';

/**
 * Every public path the gateway does not compose itself goes, unchanged below /api/v1, to the service that
 * declares it in its OpenAPI document (API composition lives in the gateway; business rules never do).
 */
/** Paths answered as a stream (Server-Sent Events), which alone accept `?access_token=` (R6.4). */
export const STREAM_PATHS = /^(\/api\/v1)?\/monitoring\/stream$/;

/** The path without `access_token`, and the token, which goes on as the Authorization header instead (never in a URL a service logs). */
export function takeQueryToken(path: string): { path: string; token: string | null } {
  const [pathname, query] = path.split('?', 2);
  if (query === undefined) return { path, token: null };
  const params = new URLSearchParams(query);
  const token = params.get('access_token');
  params.delete('access_token');
  const rest = params.toString();
  return { path: rest ? `${pathname}?${rest}` : pathname, token };
}

@ApiExcludeController()
@Controller('api/v1')
export class ProxyController {
  constructor(
    private readonly router: ServiceRouter,
    private readonly upstream: UpstreamClient,
  ) {}

  @All('*')
  @AcceptQueryToken(STREAM_PATHS)
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
    if (STREAM_PATHS.test(path.split('?')[0]) && req.method === 'GET') return this.stream(route.service, req, reply, path);
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

  /** Pipes the service's event stream to the client as it comes: no buffering, no timeout once it is open, closed with the client. */
  private async stream(service: Parameters<UpstreamClient['open']>[0], req: FastifyRequest, reply: FastifyReply, fullPath: string): Promise<void> {
    const { path, token } = takeQueryToken(fullPath);
    const headers = forwardedHeaders(req);
    if (token && !headers.authorization) headers.authorization = `Bearer ${token}`;
    const lastEventId = req.headers['last-event-id'];
    if (typeof lastEventId === 'string') headers['last-event-id'] = lastEventId;
    // The response's close is the client going away (or the stream ending): the upstream request goes with it.
    const gone = new AbortController();
    reply.raw.on('close', () => gone.abort());
    const res = await this.upstream.open(service, { method: 'GET', path, headers }, gone.signal);
    if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = res.headers.get(name);
        if (value) void reply.header(name, value);
      }
      void reply.status(res.status).send(Buffer.from(await res.arrayBuffer()));
      return;
    }
    reply.hijack();
    reply.raw.writeHead(res.status, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.flushHeaders();
    req.raw.socket.setNoDelay(true);
    req.raw.socket.setTimeout(0);
    const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
    body.on('error', () => reply.raw.end());
    reply.raw.on('close', () => body.destroy());
    if (gone.signal.aborted) body.destroy();
    body.pipe(reply.raw);
  }
}
