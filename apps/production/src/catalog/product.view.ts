import { z } from 'zod';
import { ProductSchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';

/** A catalog product as clients see it: the contract's fields (ProductSchema) plus the version to send back in If-Match (N3). */
export const ProductView = apiView(
  'Product',
  ProductSchema.extend({
    version: z.number().int().positive().describe('send it back in If-Match when replacing the product'),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);
export type ProductView = ViewOf<typeof ProductView>;
