import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CurrencySchema, MoneySchema } from '../../money';

export const ProductSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  specifications: z.array(z.string()).describe('Specifications (models, materials, sizes) the plant can make as standard.'),
  leadTimeDays: z.number().int().nonnegative().describe('Calendar days from order to ready-to-ship at normal load.'),
  capacityUse: z
    .array(z.object({ workCentre: z.string(), hoursPerUnit: z.number().nonnegative() }))
    .describe('Hours of each work centre one unit needs.'),
  bomRef: z.string().nullable().describe('Bill of materials (owned by purchasing), by reference.'),
  standardCost: MoneySchema,
  currency: CurrencySchema,
  active: z.boolean(),
});
export type Product = z.infer<typeof ProductSchema>;

export const ProductionProductUpdatedV1 = defineEvent('production.product.updated', 1, ProductSchema, {
  description:
    'A catalog product was created or changed (production owns the catalog, R1.3): sales, purchasing and finance ' +
    'keep the fields they read in a copy of their own. Keyed by product code.',
  key: 'code',
  publishers: ['production'],
  consumers: ['sales', 'purchasing', 'finance'],
});
