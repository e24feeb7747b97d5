import { z } from 'zod';
import { apiView, type ViewOf } from '@opm/platform';

/** The quality standards quality can attain for one catalog product (R3.4), with how it inspects it today. */
export const QualityStandardView = apiView(
  'QualityStandard',
  z.object({
    productCode: z.string(),
    attainableStandards: z
      .array(z.string())
      .describe('tolerance classes, inspection certificates, protection ratings, compliance declarations ("ISO 2768-f", "EN 10204 3.1", "IP65", "RoHS")'),
    inspectionNotes: z.string().nullable().describe('how quality inspects the product today (methods, equipment, frequency)'),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);
export type QualityStandardView = ViewOf<typeof QualityStandardView>;
