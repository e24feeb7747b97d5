import { z } from 'zod';
import { apiView, type ViewOf } from '@opm/platform';

/** Material on hand in the plant's stores (R3.5). */
export const StockItemView = apiView(
  'StockItem',
  z.object({
    material: z.string(),
    description: z.string().nullable(),
    unit: z.string().describe('the unit onHand and bill-of-materials quantities are counted in (pcs, kg, m)'),
    onHand: z.number().nonnegative().describe('exact to 3 decimals'),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);
export type StockItemView = ViewOf<typeof StockItemView>;
