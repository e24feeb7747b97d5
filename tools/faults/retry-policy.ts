/** What one attempt of `POST /orders` came back with, as the client saw it. */
export type Attempt =
  | { kind: 'answer'; status: number; body: unknown }
  /** Connection refused or dropped, or no answer within the client's timeout. */
  | { kind: 'no-answer'; reason: string };

/** What the client does next. */
export type Verdict =
  | { next: 'accepted'; orderId: string }
  /** The token is no longer accepted (a fresh one is fetched), then the same key is sent again. */
  | { next: 'login-and-retry' }
  | { next: 'retry'; reason: string }
  /** A refusal the same request will always get: the client stops (counted, reported). */
  | { next: 'refused'; reason: string };

/**
 * The client's retry rule, as a careful integrator writes it: the same `Idempotency-Key` is sent again on a
 * 5xx, a 429, a dropped connection or a timeout, and on the 409 the service gives while the key's first request
 * is still being processed; any other 4xx is final.
 */
export function judge(attempt: Attempt): Verdict {
  if (attempt.kind === 'no-answer') return { next: 'retry', reason: attempt.reason };
  const { status, body } = attempt;
  if (status === 201 || status === 200) {
    const id = (body as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && id.length > 0) return { next: 'accepted', orderId: id };
    return { next: 'refused', reason: `${status} without an order id` };
  }
  if (status === 401) return { next: 'login-and-retry' };
  if (status >= 500 || status === 429 || status === 408) return { next: 'retry', reason: `${status}` };
  if (status === 409 && /still being processed/.test(JSON.stringify(body ?? ''))) return { next: 'retry', reason: '409 in progress' };
  return { next: 'refused', reason: `${status} ${JSON.stringify(body).slice(0, 200)}` };
}

/** Exponential backoff with a cap: 100 ms, 200 ms, 400 ms ... up to 2 s. */
export function backoffMs(retry: number): number {
  return Math.min(2000, 100 * 2 ** Math.max(0, retry - 1));
}
