import { z } from 'zod';
import { CurrencySchema, MaterialQuantitySchema, MoneySchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import { quantityText } from '../stock/reservations';
import type { MaterialRequirement } from './material-requirement.entity';

/** What an issued order needs of one material (R5.2): bill of materials x quantity, net of free stock reserved for it. */
export const MaterialRequirementView = apiView(
  'MaterialRequirement',
  z.object({
    orderId: z.uuid(),
    materialCode: z.string(),
    unit: z.string(),
    lines: z.array(z.number().int().positive()).describe('the order lines whose bills of materials use it'),
    required: MaterialQuantitySchema.describe('bill of materials x ordered quantity'),
    reserved: MaterialQuantitySchema.describe('free stock reserved for the order when it was issued'),
    toPurchase: MaterialQuantitySchema.describe('required - reserved'),
    neededBy: z.iso.date().nullable().describe('delivery date - the days production needs (catalog lead time)'),
    latestOrderDate: z.iso.date().nullable().describe('neededBy - the quickest active supplier\'s lead time; null without a delivery date or supplier'),
    supplierId: z.string().nullable().describe('the quickest active supplier'),
    standardUnitCost: MoneySchema.nullable().describe('the lowest active supplier price, at which reserved stock is charged (R5.6)'),
    currency: CurrencySchema.nullable(),
    computedAt: z.iso.datetime({ offset: true }),
  }),
);
export type MaterialRequirementView = ViewOf<typeof MaterialRequirementView>;

export const toRequirementView = (r: MaterialRequirement): MaterialRequirementView => ({
  orderId: r.orderId,
  materialCode: r.materialCode,
  unit: r.unit,
  lines: r.lines,
  required: quantityText(r.required),
  reserved: quantityText(r.reserved),
  toPurchase: quantityText(r.toPurchase),
  neededBy: r.neededBy,
  latestOrderDate: r.latestOrderDate,
  supplierId: r.supplierId,
  standardUnitCost: r.standardUnitCost,
  currency: r.currency,
  computedAt: r.computedAt.toISOString(),
});
