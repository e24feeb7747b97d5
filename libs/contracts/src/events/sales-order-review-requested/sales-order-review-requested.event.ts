import { z } from 'zod';
import { defineEvent } from '../../event-definition';

/**
 * The order passed intake (preliminary review passed, or a leader accepted the escalation) and is now
 * UNDER_REVIEW: the reviewing departments open their review tasks for this round (R3.7).
 */
export const SalesOrderReviewRequestedV1 = defineEvent(
  'sales.order.review-requested',
  1,
  z.object({
    orderId: z.uuid(),
    number: z.string(),
    round: z.number().int().positive(),
  }),
);
export type SalesOrderReviewRequested = z.infer<typeof SalesOrderReviewRequestedV1.payload>;
