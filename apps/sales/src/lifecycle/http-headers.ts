/**
 * Response headers sales' operations document beside their views (`ApiAnswers(..., { headers })`). Only what is
 * really sent: no create sets Location (the created resource's id is in the body).
 */

/** Every `@Idempotent()` write: the idempotency interceptor marks a replayed answer (libs/platform/src/http/idempotency.ts). */
export const IDEMPOTENT_ANSWER_HEADERS = {
  'Idempotent-Replayed': '`true` when this is the stored answer to an earlier request with the same Idempotency-Key (nothing was created again)',
};
