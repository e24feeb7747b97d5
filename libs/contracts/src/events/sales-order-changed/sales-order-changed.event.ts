import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { OrderSnapshotSchema } from '../sales-order-received/sales-order-received.event';

/** One field of an order changed by an applied change request: `lines[2].quantity` 10 -> 12. */
export const FieldChangeSchema = z.object({
  field: z.string(),
  from: z.union([z.string(), z.number(), z.null()]),
  to: z.union([z.string(), z.number(), z.null()]),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const SalesOrderChangedV1 = defineEvent(
  'sales.order.changed',
  1,
  z.object({
    orderId: z.uuid(),
    requestId: z.uuid(),
    version: z.number().int().positive().describe("the order's new version (1 is the order as issued)"),
    changes: z.array(FieldChangeSchema),
    order: OrderSnapshotSchema.describe('the order as it now is'),
    changedBy: z.string().nullable(),
    changedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'An approved change request was applied to the order as a new version (R8.3): production reschedules its plan, ' +
      'purchasing adjusts its requirements, quality its inspection plan.',
    key: 'orderId',
    publishers: ['sales'],
    consumers: ['production', 'purchasing', 'quality', 'sales'], // sales: the tracking ledger (R6.2)
  },
);
export type SalesOrderChanged = z.infer<typeof SalesOrderChangedV1.payload>;
