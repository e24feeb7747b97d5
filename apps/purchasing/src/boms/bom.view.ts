import { z } from 'zod';
import { apiView, type ViewOf } from '@opm/platform';

/** A bill of materials (what one unit of a product consumes), referenced by the catalog's bomRef (R3.5). */
export const BomView = apiView(
  'Bom',
  z.object({
    bomRef: z.string(),
    description: z.string().nullable(),
    lines: z.array(
      z.object({
        material: z.string(),
        quantityPerUnit: z.number().describe("material per unit of product, in the material's stock unit"),
      }),
    ),
  }),
);
export type BomView = ViewOf<typeof BomView>;
