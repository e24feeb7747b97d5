import { z } from 'zod';
import { CurrencySchema, MoneySchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';

/** One material a supplier can deliver, with its lead time and price (R3.5). */
export const SuppliedMaterialSchema = z.object({
  material: z.string(),
  leadTimeDays: z.number().int().nonnegative().describe('calendar days from purchase order to delivery'),
  unitPrice: MoneySchema.describe('per unit of the material, a decimal string'),
  currency: CurrencySchema,
});

/** A supplier with what it delivers and how fast (R3.5). */
export const SupplierView = apiView(
  'Supplier',
  z.object({
    code: z.string(),
    name: z.string(),
    materials: z.array(SuppliedMaterialSchema),
    rating: z.number().int().min(1).max(5).describe("purchasing's judgement of its delivery and quality record, 1 (poor) to 5 (excellent)"),
    active: z.boolean(),
  }),
);
export type SupplierView = ViewOf<typeof SupplierView>;
