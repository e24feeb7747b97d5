import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';
import { CONTRACT_STATUSES, MaterialQuantitySchema, RECEIPT_DISPOSITIONS, RECEIPT_INSPECTION_RESULTS } from '../../purchasing';

export const PurchasingReceiptInspectedV1 = defineEvent(
  'purchasing.receipt.inspected',
  1,
  z.object({
    orderId: z.uuid(),
    contractId: z.uuid(),
    contractNumber: z.string(),
    supplierId: z.string(),
    receiptId: z.uuid(),
    result: z.enum(RECEIPT_INSPECTION_RESULTS),
    disposition: z.enum(RECEIPT_DISPOSITIONS).nullable().describe('for rejected goods: returned or exchanged by the supplier'),
    lines: z
      .array(z.object({ materialCode: z.string(), quantity: MaterialQuantitySchema, unitPrice: MoneySchema, amount: MoneySchema }))
      .min(1)
      .describe('the receipt\'s lines at the contract\'s prices; accepted goods are the order\'s actual material cost (R5.6)'),
    currency: CurrencySchema,
    contractStatus: z.enum(CONTRACT_STATUSES).describe('the contract after this inspection'),
    note: z.string().nullable(),
    inspectedBy: z.string(),
    inspectedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'Quality inspected goods received against a purchase contract (R5.2, R5.3): accepted goods entered stock reserved ' +
      'for the order; rejected goods go back to the supplier or are exchanged.',
    key: 'orderId',
    publishers: ['purchasing'],
    consumers: ['production', 'finance', 'sales'],
  },
);
export type PurchasingReceiptInspected = z.infer<typeof PurchasingReceiptInspectedV1.payload>;
