import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ServiceName } from '@opm/contracts';
import { CORRELATION_HEADER, ProblemException, requestContext, traceHeaders } from '@opm/platform';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';

export interface UpstreamResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** `fetch failed` says nothing; what failed underneath (`ECONNREFUSED`, `other side closed`) is what an operator needs. */
export function describeFailure(err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  if (!cause) return message;
  const detail = [cause.code, cause.message].filter((part) => part && part.length > 0).join(' ');
  return detail ? `${message} (${detail})` : message;
}

/**
 * A reused keep-alive connection the service closed just as the request went out fails with a socket error before
 * anything reached the handler. A read (GET, HEAD) is then safe to send once more on a fresh connection, as a
 * reverse proxy does; a refused connection (the service is down) or a timeout is answered at once, and a write is
 * never repeated here (its Idempotency-Key is the client's to retry with).
 */
const RETRIABLE_SOCKET_ERRORS = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);
export function isRetriableRead(method: string, err: unknown): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const code = (err as { cause?: { code?: string } })?.cause?.code;
  return code !== undefined && RETRIABLE_SOCKET_ERRORS.has(code);
}

/** A service that is down (503) or too slow (504): answered as problem details naming the service. */
export class UpstreamUnavailable extends ProblemException {
  readonly reason: string;

  constructor(service: ServiceName, timedOut: boolean, cause: unknown) {
    const reason = `${service} ${timedOut ? 'did not answer in time' : 'is unreachable'}: ${describeFailure(cause)}`;
    super(timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE, reason, { service });
    this.reason = reason;
  }
}

export interface UpstreamRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs?: number;
}

/** Headers a client may send that the owning service needs too. */
export const FORWARDED_REQUEST_HEADERS = ['authorization', 'idempotency-key', 'if-match', 'accept', 'accept-language', 'content-type'];
export function forwardedHeaders(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** Headers of a service's answer that the client needs. */
export const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-disposition', 'location', 'etag', 'retry-after', 'idempotent-replayed'];

/** HTTP to the services, carrying the correlation id (N6); a service that is down or slow is an error the caller handles. */
@Injectable()
export class UpstreamClient {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  get partTimeoutMs(): number {
    return this.config.PART_TIMEOUT_MS;
  }

  async call(service: ServiceName, req: UpstreamRequest): Promise<UpstreamResponse> {
    const timeoutMs = req.timeoutMs ?? this.config.UPSTREAM_TIMEOUT_MS;
    // The request's trace goes on to the service (W3C traceparent), as its correlation id does.
    const headers: Record<string, string> = { ...req.headers, ...traceHeaders(), [CORRELATION_HEADER]: requestContext.correlationId() };
    let body: string | Buffer | undefined;
    if (req.body !== undefined && req.method !== 'GET' && req.method !== 'HEAD') {
      // Binary documents pass through as they came; everything else is JSON.
      body = Buffer.isBuffer(req.body) ? req.body : JSON.stringify(req.body);
      headers['content-type'] = Buffer.isBuffer(req.body) ? (req.headers?.['content-type'] ?? 'application/octet-stream') : 'application/json';
    }
    const base = this.config.upstreams.get(service);
    if (base === undefined) throw new UpstreamUnavailable(service, false, new Error('no such service'));
    const signal = AbortSignal.timeout(timeoutMs);
    const send = async (): Promise<UpstreamResponse> => {
      const res = await fetch(new URL(req.path, base), { method: req.method, headers, body, signal, redirect: 'manual' });
      return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
    };
    try {
      try {
        return await send();
      } catch (err) {
        if (!isRetriableRead(req.method, err) || signal.aborted) throw err;
        return await send();
      }
    } catch (err) {
      const timedOut = (err as Error)?.name === 'TimeoutError';
      throw new UpstreamUnavailable(service, timedOut, err);
    }
  }

  /**
   * A streamed answer (text/event-stream): the timeout covers only the wait for the service's headers, since a stream
   * stays open for as long as its client wants; the body is handed on as it comes, never buffered. `signal` ends it
   * (the client went away).
   */
  async open(service: ServiceName, req: UpstreamRequest, signal: AbortSignal): Promise<Response> {
    const base = this.config.upstreams.get(service);
    if (base === undefined) throw new UpstreamUnavailable(service, false, new Error('no such service'));
    const headers: Record<string, string> = { ...req.headers, ...traceHeaders(), [CORRELATION_HEADER]: requestContext.correlationId() };
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, req.timeoutMs ?? this.config.UPSTREAM_TIMEOUT_MS);
    try {
      return await fetch(new URL(req.path, base), { method: req.method, headers, signal: controller.signal, redirect: 'manual' });
    } catch (err) {
      throw new UpstreamUnavailable(service, timedOut, err);
    } finally {
      clearTimeout(timer);
    }
  }

  async getJson<T>(service: ServiceName, path: string, headers: Record<string, string>, timeoutMs?: number): Promise<{ status: number; body: T }> {
    const res = await this.call(service, { method: 'GET', path, headers, timeoutMs });
    return { status: res.status, body: JSON.parse(res.body.toString('utf8') || 'null') as T };
  }
}
