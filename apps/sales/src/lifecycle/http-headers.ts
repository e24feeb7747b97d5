/**
 * Response headers sales' operations document beside their views (`ApiAnswers(..., { headers })`). Only what is
 * really sent.
 */

/** Every `@Idempotent()` write: the idempotency interceptor marks a replayed answer (libs/platform/src/http/idempotency.ts). */
export const IDEMPOTENT_ANSWER_HEADERS = {
  'Idempotent-Replayed': '`true` when this is the stored answer to an earlier request with the same Idempotency-Key (nothing was created again)',
};

/** `POST /orders`: where the order is and its version, also on a replay (issue 11 item 1). */
export const CREATED_ORDER_HEADERS = {
  ...IDEMPOTENT_ANSWER_HEADERS,
  ETag: 'the order\'s version, `"1"`, to send as If-Match with the next write',
  Location: 'the new order, `/api/v1/orders/{id}` through the gateway',
};

/** The headers of a created order's answer. */
export function createdOrderHeaders(order: { id: string; version: number }): Record<string, string> {
  return { etag: `"${order.version}"`, location: `/orders/${order.id}` };
}
