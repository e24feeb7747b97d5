import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';

export const ProductSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  /** Specifications (models, materials, sizes) the plant can make as standard. */
  specifications: z.array(z.string()),
  /** Calendar days from order to ready-to-ship at normal load. */
  leadTimeDays: z.number().int().nonnegative(),
  /** Hours of each work centre one unit needs. */
  capacityUse: z.array(z.object({ workCentre: z.string(), hoursPerUnit: z.number().nonnegative() })),
  /** Bill of materials (owned by purchasing), by reference. */
  bomRef: z.string().nullable(),
  standardCost: MoneySchema,
  currency: CurrencySchema,
  active: z.boolean(),
});
export type Product = z.infer<typeof ProductSchema>;

/** A catalog product was created or changed (production owns the catalog); keyed by product code. */
export const ProductionProductUpdatedV1 = defineEvent('production.product.updated', 1, ProductSchema);
