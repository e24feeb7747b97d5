import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';
import { MaterialQuantitySchema } from '../../purchasing';

export const PurchasingContractSignedV1 = defineEvent(
  'purchasing.contract.signed',
  1,
  z.object({
    orderId: z.uuid(),
    contractId: z.uuid(),
    number: z.string(),
    supplierId: z.string(),
    supplierName: z.string(),
    lines: z.array(z.object({ materialCode: z.string(), quantity: MaterialQuantitySchema, unitPrice: MoneySchema, amount: MoneySchema })).min(1),
    totalAmount: MoneySchema,
    currency: CurrencySchema,
    deliveryDate: z.iso.date(),
    restockingFeePercent: z.string().nullable().describe('the cancellation terms: fee on goods kept after a cancellation, percent with up to 2 decimals'),
    signedBy: z.string(),
    signedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'The purchasing head signed a purchase contract with a supplier for an order\'s materials (R5.2).',
    key: 'orderId',
    publishers: ['purchasing'],
    consumers: ['sales'],
  },
);
export type PurchasingContractSigned = z.infer<typeof PurchasingContractSignedV1.payload>;
