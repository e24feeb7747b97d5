import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { REVIEWING_SERVICES } from '../../enums';
import { OrderSnapshot, OrderSnapshotSchema } from '../sales-order-received/sales-order-received.event';

/** The full order as sales sends it to every reviewer for one round (R3.7: "sales sends the full order"). */
export const ReviewOrderSnapshotSchema = OrderSnapshotSchema;
export type ReviewOrderSnapshot = OrderSnapshot;

export const SalesOrderReviewRequestedV1 = defineEvent(
  'sales.order.review-requested',
  1,
  z.object({
    orderId: z.uuid(),
    number: z.string(),
    round: z.number().int().positive(),
    major: z.boolean().describe("Major or complex (R3.1): a panel chaired by a leader; each department's head must answer."),
    order: ReviewOrderSnapshotSchema,
  }),
  {
    description:
      'The order is UNDER_REVIEW: each reviewing department opens its task for this round (R3.1, R3.7). A higher ' +
      'round supersedes the open tasks of earlier ones (the order was revised).',
    key: 'orderId',
    publishers: ['sales'],
    consumers: [...REVIEWING_SERVICES, 'sales'],
  },
);
export type SalesOrderReviewRequested = z.infer<typeof SalesOrderReviewRequestedV1.payload>;
