import { z } from 'zod';
import { defineEvent } from '../../event-definition';

export const PurchasingContractDelayedV1 = defineEvent(
  'purchasing.contract.delayed',
  1,
  z.object({
    orderId: z.uuid(),
    contractId: z.uuid(),
    number: z.string(),
    supplierId: z.string(),
    materialCodes: z.array(z.string()).describe('the materials still open on the contract'),
    previousDeliveryDate: z.iso.date(),
    newDeliveryDate: z.iso.date(),
    reason: z.string(),
    reportedBy: z.string(),
    reportedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'A supplier will deliver later than the contract said (R5.2): the new date and the reason.',
    key: 'orderId',
    publishers: ['purchasing'],
    consumers: ['production', 'sales'],
  },
);
export type PurchasingContractDelayed = z.infer<typeof PurchasingContractDelayedV1.payload>;
