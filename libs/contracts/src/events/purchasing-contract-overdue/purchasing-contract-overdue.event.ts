import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { MaterialQuantitySchema } from '../../purchasing';

export const PurchasingContractOverdueV1 = defineEvent(
  'purchasing.contract.overdue',
  1,
  z.object({
    orderId: z.uuid(),
    contractId: z.uuid(),
    number: z.string(),
    supplierId: z.string(),
    deliveryDate: z.iso.date().describe('the (possibly delayed) delivery date that passed'),
    openLines: z.array(z.object({ materialCode: z.string(), quantity: MaterialQuantitySchema })).min(1),
    detectedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'A signed contract is past its delivery date and not fully received (R5.2, R6.4): once per delivery date.',
    key: 'orderId',
    publishers: ['purchasing'],
    consumers: ['production', 'sales'],
  },
);
export type PurchasingContractOverdue = z.infer<typeof PurchasingContractOverdueV1.payload>;
