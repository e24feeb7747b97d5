import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';

/** The departments that carry out an approved cancellation (R8.5) and confirm it. */
export const CANCELLING_DEPARTMENTS = ['production', 'purchasing', 'logistics', 'finance'] as const;
export type CancellingDepartment = (typeof CANCELLING_DEPARTMENTS)[number];

/** What the cancellation is estimated to cost (R8.4), summed from production's and purchasing's assessments. */
export const LossEstimateSchema = z.object({
  workDone: MoneySchema,
  materialsCommitted: MoneySchema,
  restockingFees: MoneySchema,
  total: MoneySchema,
  currency: CurrencySchema,
});
export type LossEstimate = z.infer<typeof LossEstimateSchema>;

export const SalesOrderCancellationApprovedV1 = defineEvent(
  'sales.order.cancellation-approved',
  1,
  z.object({
    orderId: z.uuid(),
    requestId: z.uuid(),
    number: z.string(),
    reason: z.string(),
    loss: LossEstimateSchema,
    departments: z.array(z.enum(CANCELLING_DEPARTMENTS)).describe('each carries out its part and confirms with order.cancellation.confirmed'),
    approvedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'A cancellation request was approved (R8.5): each department stops what it does for the order (plan STOPPED, contracts ' +
      'cancelled or goods returned or kept, reservations released, open shipments cancelled, open invoices void, the loss ' +
      'recorded) and confirms; the order becomes CANCELLED once every one confirmed DONE.',
    key: 'orderId',
    publishers: ['sales'],
    consumers: ['production', 'purchasing', 'logistics', 'finance', 'sales'], // sales: the tracking ledger (R6.2)
  },
);
export type SalesOrderCancellationApproved = z.infer<typeof SalesOrderCancellationApprovedV1.payload>;
