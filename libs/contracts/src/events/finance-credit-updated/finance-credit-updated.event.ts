import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';

export const FinanceCreditUpdatedV1 = defineEvent(
  'finance.credit.updated',
  1,
  z.object({
    customerId: z.uuid(),
    creditLimit: MoneySchema.nullable().describe('null until finance sets one: such a customer fails the credit check.'),
    currency: CurrencySchema,
    openOrderAmount: MoneySchema.describe('Open orders (recorded, not yet settled or cancelled) as finance knows them.'),
    openInvoiceAmount: MoneySchema.describe('Invoiced and not yet paid.'),
    exposure: MoneySchema.describe('openOrderAmount + openInvoiceAmount.'),
    overdueAmount: MoneySchema.describe('Invoiced, past its due date and unpaid.'),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      "A customer's credit standing changed in finance (limit set, order or invoice opened or closed, debt overdue): " +
      'sales keeps a read copy for the preliminary credit check (R2.4).',
    key: 'customerId',
    publishers: ['finance'],
    consumers: ['sales'],
  },
);
export type FinanceCreditUpdated = z.infer<typeof FinanceCreditUpdatedV1.payload>;
