import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';
import { INVOICE_STATUSES, PAYMENT_METHODS } from '../../settlement';

export const FinancePaymentRecordedV1 = defineEvent(
  'finance.payment.recorded',
  1,
  z.object({
    orderId: z.uuid(),
    invoiceId: z.uuid(),
    invoiceNumber: z.string(),
    paymentId: z.uuid(),
    customerId: z.uuid(),
    amount: MoneySchema,
    currency: CurrencySchema,
    method: z.enum(PAYMENT_METHODS),
    paidAt: z.iso.datetime({ offset: true }),
    reference: z.string().nullable(),
    outstanding: MoneySchema.describe("what remains to pay on the invoice after this payment, derived from the invoice's payments"),
    invoiceStatus: z.enum(INVOICE_STATUSES),
    recordedBy: z.string(),
  }),
  {
    description: 'Finance recorded a (partial) payment of an invoice (R7.2, R7.4 settlement record).',
    key: 'orderId',
    publishers: ['finance'],
    consumers: ['sales'],
  },
);
export type FinancePaymentRecorded = z.infer<typeof FinancePaymentRecordedV1.payload>;
