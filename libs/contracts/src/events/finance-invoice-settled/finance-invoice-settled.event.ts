import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';

export const FinanceInvoiceSettledV1 = defineEvent(
  'finance.invoice.settled',
  1,
  z.object({
    orderId: z.uuid(),
    invoiceId: z.uuid(),
    number: z.string(),
    amount: MoneySchema,
    currency: CurrencySchema,
    payments: z.number().int().positive().describe('how many payments paid it'),
    settledAt: z.iso.datetime({ offset: true }).describe('the last payment\'s paidAt'),
  }),
  {
    description: 'An invoice is paid in full (R7.2): nothing outstanding, PAID; sales moves the order to SETTLED.',
    key: 'orderId',
    publishers: ['finance'],
    consumers: ['sales'],
  },
);
export type FinanceInvoiceSettled = z.infer<typeof FinanceInvoiceSettledV1.payload>;
