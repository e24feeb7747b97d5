import { z } from 'zod';
import { CurrencySchema, MoneySchema } from '@opm/contracts';
import { apiView, ViewOf } from '@opm/platform';
import type { CustomerCredit } from './customer-credit.entity';
import type { Customer } from './customer.entity';

/** Sales' copy of finance's credit standing of a customer (finance owns it; R2.4). */
export const CustomerCreditViewSchema = z.object({
  /** null until finance sets one. */
  creditLimit: MoneySchema.nullable(),
  currency: CurrencySchema,
  openOrderAmount: MoneySchema,
  openInvoiceAmount: MoneySchema,
  exposure: MoneySchema,
  overdueAmount: MoneySchema,
  /** When finance computed this standing. */
  asOf: z.iso.datetime({ offset: true }),
});

/** A customer as sales shows it: contacts, and the credit standing finance last told sales. */
export const CustomerViewDef = apiView(
  'Customer',
  z.object({
    id: z.uuid(),
    name: z.string(),
    contactPerson: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    version: z.number().int(),
    credit: CustomerCreditViewSchema.nullable().describe("sales' copy of finance's credit standing; null until finance has told sales"),
  }),
);
export type CustomerView = ViewOf<typeof CustomerViewDef>;

export function toCustomerView(c: Customer, credit: CustomerCredit | null): CustomerView {
  return {
    id: c.id,
    name: c.name,
    contactPerson: c.contactPerson,
    phone: c.phone,
    email: c.email,
    address: c.address,
    version: c.version,
    credit: credit && {
      creditLimit: credit.creditLimit,
      currency: credit.currency,
      openOrderAmount: credit.openOrderAmount,
      openInvoiceAmount: credit.openInvoiceAmount,
      exposure: credit.exposure,
      overdueAmount: credit.overdueAmount,
      asOf: credit.updatedAt.toISOString(),
    },
  };
}
