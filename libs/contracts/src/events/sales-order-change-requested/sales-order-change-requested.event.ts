import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { OrderSnapshotSchema } from '../sales-order-received/sales-order-received.event';

/** A change or a cancellation of an order in execution (R8.1, R8.4). */
export const CHANGE_KINDS = ['CHANGE', 'CANCELLATION'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The departments that assess a change's impact from their own data (R8.2); logistics only once something shipped. */
export const IMPACT_DEPARTMENTS = ['production', 'purchasing', 'quality', 'finance', 'logistics'] as const;
export type ImpactDepartment = (typeof IMPACT_DEPARTMENTS)[number];

/** What a change request asks for: the order's fields, and per line its quantity or specification (R8.1). */
export const RequestedChangesSchema = z.object({
  deliveryDate: z.iso.date().optional(),
  deliveryPlace: z.string().optional(),
  lines: z.array(z.object({ lineNo: z.number().int().positive(), quantity: z.number().int().positive().optional(), specification: z.string().optional() })).optional(),
  addLines: z
    .array(
      z.object({
        productCode: z.string().nullable().optional(),
        productName: z.string().nullable().optional(),
        specification: z.string().nullable().optional(),
        quantity: z.number().int().positive(),
        unitPrice: z.string(),
      }),
    )
    .optional()
    .describe('lines added to the order, numbered after its last line'),
});
export type RequestedChanges = z.infer<typeof RequestedChangesSchema>;

export const SalesOrderChangeRequestedV1 = defineEvent(
  'sales.order.change-requested',
  1,
  z.object({
    orderId: z.uuid(),
    requestId: z.uuid(),
    kind: z.enum(CHANGE_KINDS),
    reason: z.string(),
    changes: RequestedChangesSchema.describe('what the request changes; empty for a cancellation'),
    current: OrderSnapshotSchema.describe('the order as it stands'),
    proposed: OrderSnapshotSchema.describe('the order as it would be once the change is applied (the current one for a cancellation)'),
    departments: z.array(z.enum(IMPACT_DEPARTMENTS)).describe('the departments asked to assess it'),
    requestedBy: z.string().nullable(),
    requestedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'Sales opened a change or cancellation request on an order (R8.1, R8.4): each department named computes its ' +
      'impact from its own data and answers with change.impact.assessed.',
    key: 'orderId',
    publishers: ['sales'],
    consumers: ['production', 'purchasing', 'quality', 'finance', 'logistics', 'sales'], // sales: the tracking ledger (R6.2)
  },
);
export type SalesOrderChangeRequested = z.infer<typeof SalesOrderChangeRequestedV1.payload>;
