import { z } from 'zod';
import { MaterialQuantitySchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';

/** Material on hand in the plant's stores (R3.5). */
export const StockItemView = apiView(
  'StockItem',
  z.object({
    material: z.string(),
    description: z.string().nullable(),
    unit: z.string().describe('the unit onHand and bill-of-materials quantities are counted in (pcs, kg, m)'),
    onHand: z.number().nonnegative().describe('exact to 3 decimals'),
    reserved: MaterialQuantitySchema.describe('held for orders (R5.2): free stock reserved at issue and goods accepted for them'),
    free: MaterialQuantitySchema.describe('onHand - reserved, never below zero: what a new order can count on'),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);
export type StockItemView = ViewOf<typeof StockItemView>;
