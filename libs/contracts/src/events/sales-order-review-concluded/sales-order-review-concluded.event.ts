import { z } from 'zod';
import { defineEvent } from '../../event-definition';

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
  {
    description: "Sales consolidated a round's opinions into the review report (R3.7): PASS -> approval, FAIL -> negotiation.",
    key: 'orderId',
    publishers: ['sales'],
    consumers: ['sales'],
  },
);
export type SalesOrderReviewConcluded = z.infer<typeof SalesOrderReviewConcludedV1.payload>;
