import { Injectable, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_HEADER, requestContext } from './request-context';

/** The caller's correlation id if it is sane, else a new one; written back on the request so every reader agrees. */
export function ensureCorrelationId(req: IncomingMessage): string {
  const header = req.headers[CORRELATION_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  const correlationId = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  req.headers[CORRELATION_HEADER] = correlationId;
  return correlationId;
}

/** Scopes the request to its correlation id and echoes it to the caller (N6). */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const correlationId = ensureCorrelationId(req);
    res.setHeader(CORRELATION_HEADER, correlationId);
    requestContext.run({ correlationId, causationId: null }, next);
  }
}
