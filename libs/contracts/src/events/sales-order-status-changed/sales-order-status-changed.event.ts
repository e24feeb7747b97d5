import { z } from 'zod';
import { ORDER_STATUSES } from '../../enums';
import { defineEvent } from '../../event-definition';

export const SalesOrderStatusChangedV1 = defineEvent(
  'sales.order.status-changed',
  1,
  z.object({
    orderId: z.uuid(),
    number: z.string(),
    from: z.enum(ORDER_STATUSES),
    to: z.enum(ORDER_STATUSES),
    action: z.string().describe("The state machine's action that moved it (e.g. `startReview`, `issue`)."),
    version: z.number().int().positive().describe("The order's version after the move (If-Match on the next write)."),
    reason: z.string().nullable(),
    changedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'The order moved from one status to the next (R1.1): one event per transition, in order per order id, so a ' +
      'department, the tracking ledger or an integration can follow the lifecycle without asking sales.',
    key: 'orderId',
    publishers: ['sales'],
    consumers: ['purchasing', 'logistics', 'sales'],
  },
);
export type SalesOrderStatusChanged = z.infer<typeof SalesOrderStatusChangedV1.payload>;
