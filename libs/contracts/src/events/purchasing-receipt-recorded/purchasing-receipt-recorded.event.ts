import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { MaterialQuantitySchema } from '../../purchasing';

export const PurchasingReceiptRecordedV1 = defineEvent(
  'purchasing.receipt.recorded',
  1,
  z.object({
    orderId: z.uuid(),
    contractId: z.uuid(),
    contractNumber: z.string(),
    receiptId: z.uuid(),
    lines: z.array(z.object({ materialCode: z.string(), quantity: MaterialQuantitySchema })).min(1),
    receivedBy: z.string(),
    receivedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'Goods arrived against a purchase contract and await quality\'s incoming inspection (R5.2, R5.3).',
    key: 'orderId',
    publishers: ['purchasing'],
    consumers: ['sales'],
  },
);
export type PurchasingReceiptRecorded = z.infer<typeof PurchasingReceiptRecordedV1.payload>;
