import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';
import { ReconciliationSchema, SettlementLineSchema } from '../../settlement';

export const SalesSettlementSubmittedV1 = defineEvent(
  'sales.settlement.submitted',
  1,
  z.object({
    orderId: z.uuid(),
    settlementId: z.uuid(),
    revision: z.number().int().positive().describe('1 for the first submission, one more after each rejection and resubmission'),
    orderNumber: z.string(),
    customerId: z.uuid(),
    currency: CurrencySchema,
    paymentTerms: z.string().nullable().describe("the order's payment terms, from which finance computes the due date"),
    lines: z.array(SettlementLineSchema).min(1),
    totalAmount: MoneySchema.describe('the sum of the line amounts'),
    reconciliation: ReconciliationSchema,
    submittedBy: z.string(),
    submittedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'Sales submits a delivered order\'s settlement list (delivered quantities at the order\'s prices) with the customer\'s ' +
      'reconciliation, for finance to review and invoice (R7.1-7.2).',
    key: 'orderId',
    publishers: ['sales'],
    consumers: ['finance', 'sales'],
  },
);
export type SalesSettlementSubmitted = z.infer<typeof SalesSettlementSubmittedV1.payload>;
