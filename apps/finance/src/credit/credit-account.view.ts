import { z } from 'zod';
import { CurrencySchema, MoneySchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';

/** A customer's credit account with its exposure as of now (R2.4); amounts are decimal strings in `currency` (N3). */
export const CreditAccountView = apiView(
  'CreditAccount',
  z.object({
    customerId: z.uuid(),
    customerName: z.string().nullable().describe('as sales registered it'),
    currency: CurrencySchema,
    creditLimit: MoneySchema.nullable().describe('null until finance sets one; such a customer fails the credit check'),
    openOrderAmount: MoneySchema.describe("the customer's orders finance knows, in this currency (orders in another are left out)"),
    openInvoiceAmount: MoneySchema.describe('invoiced and not yet paid'),
    overdueAmount: MoneySchema.describe('invoiced, past its due date and unpaid'),
    exposure: MoneySchema.describe('openOrderAmount + openInvoiceAmount'),
    available: MoneySchema.nullable().describe('creditLimit - exposure, negative when over the limit; null while no limit is set'),
    version: z.number().int().positive().describe('send it back in If-Match when setting the limit'),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);
export type CreditView = ViewOf<typeof CreditAccountView>;
