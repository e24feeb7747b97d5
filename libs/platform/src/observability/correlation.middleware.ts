import { Injectable, NestMiddleware } from '@nestjs/common';
import { context, trace } from '@opentelemetry/api';
import { storage } from 'nestjs-pino/storage';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_HEADER, requestContext } from './request-context';
import { traceFields } from './trace-context';
import { Tracing } from './tracing';

/** The caller's correlation id if it is sane, else a new one; written back on the request so every reader agrees. */
export function ensureCorrelationId(req: IncomingMessage): string {
  const header = req.headers[CORRELATION_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  const correlationId = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  req.headers[CORRELATION_HEADER] = correlationId;
  return correlationId;
}

/**
 * Scopes the request to its correlation id (N6) and to its server span, which continues the caller's
 * `traceparent` (issue 11, item 4), echoes the correlation id to the caller, and makes the request's log lines
 * carry the trace id. The span is closed by the HTTP metrics hook, which knows the route and status.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  constructor(private readonly tracing: Tracing) {}

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const correlationId = ensureCorrelationId(req);
    res.setHeader(CORRELATION_HEADER, correlationId);
    const span = this.tracing.startServerSpan(req);
    // The request's logger (nestjs-pino's store, made by pino-http before this runs) gets the trace id too.
    const store = storage.getStore();
    const requestLoggers = (req as { allLogs?: unknown[] }).allLogs;
    if (store && requestLoggers?.includes(store.logger)) store.logger = store.logger.child(traceFields(span));
    context.with(trace.setSpan(context.active(), span), () => requestContext.run({ correlationId, causationId: null }, next));
  }
}
