import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema } from '../../money';

export const DUNNED_LEVELS = ['REMINDER', 'FINAL_NOTICE', 'LEGAL'] as const;

export const FinanceInvoiceDunnedV1 = defineEvent(
  'finance.invoice.dunned',
  1,
  z.object({
    invoiceId: z.uuid(),
    number: z.string(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    level: z.enum(DUNNED_LEVELS),
    daysOverdue: z.number().int().positive(),
    outstanding: z.number().int().positive().describe('what remains to pay, in integer minor units of currency'),
    currency: CurrencySchema,
    dueDate: z.iso.date(),
    dunnedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: "Finance's overdue scan recorded a dunning level for an invoice (R7.3), once per level, upwards: sales e-mails the customer.",
    key: 'orderId',
    publishers: ['finance'],
    consumers: ['sales'],
  },
);
export type FinanceInvoiceDunned = z.infer<typeof FinanceInvoiceDunnedV1.payload>;
