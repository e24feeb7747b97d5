import { BadRequestException, UnprocessableEntityException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json';

/**
 * The pure parts of the idempotency mechanism (issue 11 item 1): which key, whose, what request it stands for,
 * and what of the first answer is kept and replayed. The store and the interceptor are in `idempotency.ts`.
 */

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The answer's headers that a replay must give again (what a client acts on: the version, where the resource is, its type). */
export const STORED_ANSWER_HEADERS = ['etag', 'location', 'content-type'] as const;
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The `Idempotency-Key` of a request: absent is undefined; anything but 1 to 200 visible ASCII characters is 400. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw new BadRequestException({
      detail: 'Idempotency-Key must be 1 to 200 visible ASCII characters',
      errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }],
    });
  }
  return header;
}

/** Keys are per principal: two users may pick the same key without seeing each other's answers. */
export function idempotencyScope(principal: { username: string } | undefined): string {
  return principal?.username ?? '-';
}

/**
 * What the key stands for: SHA-256 of the canonical JSON of method, path (with its query) and body, so a
 * repeat whose body differs only in key order or whitespace is the same request, and any other difference is not.
 */
export function requestFingerprint(req: { method: string; url: string; body?: unknown }): string {
  return createHash('sha256')
    .update(canonicalJson({ method: req.method.toUpperCase(), path: req.url, body: req.body ?? null }))
    .digest('hex');
}

/** The same key with another request: 422 naming the header (a client bug, never a reason to run it again). */
export function keyReusedProblem(): UnprocessableEntityException {
  return new UnprocessableEntityException({
    detail: 'Idempotency-Key was already used with a different request (method, path or body)',
    errors: [{ field: 'Idempotency-Key', message: 'reused with a different request' }],
  });
}

/** What is kept of the first answer, in the same transaction as its effect. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * The first answer as it will be sent: its status, the headers that matter among those the handler set (a JSON
 * body without a Content-Type set gets the one Fastify will send) and its body.
 */
export function answerToStore(status: number, headerOf: (name: string) => unknown, body: unknown): StoredAnswer {
  const headers: Record<string, string> = {};
  for (const name of STORED_ANSWER_HEADERS) {
    const value = headerOf(name);
    if (typeof value === 'string' || typeof value === 'number') headers[name] = String(value);
  }
  headers['content-type'] ??= JSON_CONTENT_TYPE;
  return { status, headers, body: body ?? null };
}

/** The headers of a replay: the first answer's, marked as a replay. */
export function replayHeaders(answer: StoredAnswer): Record<string, string> {
  return { ...answer.headers, [REPLAYED_HEADER]: 'true' };
}
