import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';

export const FinanceInvoiceIssuedV1 = defineEvent(
  'finance.invoice.issued',
  1,
  z.object({
    orderId: z.uuid(),
    invoiceId: z.uuid(),
    number: z.string().describe('INV-yyyy-nnnnnn, gap-free per year'),
    settlementId: z.uuid(),
    revision: z.number().int().positive().describe('the settlement list submission approved'),
    customerId: z.uuid(),
    amount: MoneySchema,
    currency: CurrencySchema,
    issuedAt: z.iso.datetime({ offset: true }),
    dueDate: z.iso.date().describe("from the order's payment terms, or set by finance when they cannot be parsed"),
    approvedBy: z.string(),
    comment: z.string().nullable(),
  }),
  {
    description: 'The finance head approved a settlement list and finance issued its invoice (R7.2): sales moves the order to INVOICED.',
    key: 'orderId',
    publishers: ['finance'],
    consumers: ['sales'],
  },
);
export type FinanceInvoiceIssued = z.infer<typeof FinanceInvoiceIssuedV1.payload>;
