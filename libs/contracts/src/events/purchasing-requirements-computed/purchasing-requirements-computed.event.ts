import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';
import { MaterialQuantitySchema } from '../../purchasing';

export const PurchasingRequirementsComputedV1 = defineEvent(
  'purchasing.requirements.computed',
  1,
  z.object({
    orderId: z.uuid(),
    requirements: z.array(
      z.object({
        materialCode: z.string(),
        unit: z.string(),
        required: MaterialQuantitySchema.describe('bill of materials x ordered quantity'),
        reserved: MaterialQuantitySchema.describe('free stock reserved for this order'),
        toPurchase: MaterialQuantitySchema.describe('required - reserved'),
        latestOrderDate: z.iso.date().nullable().describe('the last day to order from the quickest supplier in time; null without a delivery date or supplier'),
        standardUnitCost: MoneySchema.nullable().describe('the stock\'s standard cost per unit, at which reserved stock is charged to the order (R5.6)'),
        currency: CurrencySchema.nullable(),
      }),
    ),
    computedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'Purchasing computed what an issued order needs (R5.2): bill of materials x quantity, net of free stock, which it ' +
      'reserved for the order; what remains is to be bought by the latest order date.',
    key: 'orderId',
    publishers: ['purchasing'],
    consumers: ['finance', 'sales'],
  },
);
export type PurchasingRequirementsComputed = z.infer<typeof PurchasingRequirementsComputedV1.payload>;
