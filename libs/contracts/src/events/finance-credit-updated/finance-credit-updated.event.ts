import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';

/**
 * A customer's credit standing changed in finance (limit set, order or invoice opened or closed, debt
 * overdue): sales keeps a read copy for the preliminary credit check (R2.4). Keyed by customer id.
 */
export const FinanceCreditUpdatedV1 = defineEvent(
  'finance.credit.updated',
  1,
  z.object({
    customerId: z.uuid(),
    /** null until finance sets one: such a customer fails the credit check. */
    creditLimit: MoneySchema.nullable(),
    currency: CurrencySchema,
    /** Open orders (recorded, not yet settled or cancelled) as finance knows them. */
    openOrderAmount: MoneySchema,
    /** Invoiced and not yet paid. */
    openInvoiceAmount: MoneySchema,
    /** openOrderAmount + openInvoiceAmount. */
    exposure: MoneySchema,
    /** Invoiced, past its due date and unpaid. */
    overdueAmount: MoneySchema,
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);
export type FinanceCreditUpdated = z.infer<typeof FinanceCreditUpdatedV1.payload>;
