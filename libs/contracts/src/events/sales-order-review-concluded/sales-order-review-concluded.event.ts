import { z } from 'zod';
import { defineEvent } from '../../event-definition';

/** Sales consolidated a round's opinions into the review report (R3.7): PASS -> approval, FAIL -> negotiation. */
export const SalesOrderReviewConcludedV1 = defineEvent(
  'sales.order.review-concluded',
  1,
  z.object({
    orderId: z.uuid(),
    round: z.number().int().positive(),
    conclusion: z.enum(['PASS', 'FAIL']),
    reasons: z.array(z.string()),
    concludedAt: z.iso.datetime({ offset: true }),
  }),
);
export type SalesOrderReviewConcluded = z.infer<typeof SalesOrderReviewConcludedV1.payload>;
