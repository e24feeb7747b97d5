import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { INSPECTION_RESULTS, INSPECTION_STAGES } from '../../quality';

export const QualityInspectionRecordedV1 = defineEvent(
  'quality.inspection.recorded',
  1,
  z.object({
    orderId: z.uuid(),
    inspectionId: z.uuid(),
    stage: z.enum(INSPECTION_STAGES),
    lot: z.string(),
    quantityInspected: z.number().int().positive(),
    result: z.enum(INSPECTION_RESULTS),
    findings: z.string().nullable(),
    reportNumber: z.string().nullable().describe('The inspection report of a passed lot (IR-yyyy-nnnnnn); null for a failed one.'),
    nonconformanceId: z.uuid().nullable().describe('The nonconformance a failed lot raised; null for a passed one.'),
    inspectedBy: z.string(),
    inspectedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'Quality recorded an inspection of a lot of the order (R5.3): a passed lot has its inspection report, a failed ' +
      'one raised a nonconformance (quality.nonconformance.raised.v1 in the same transaction).',
    key: 'orderId',
    publishers: ['quality'],
    consumers: ['sales'],
  },
);
export type QualityInspectionRecorded = z.infer<typeof QualityInspectionRecordedV1.payload>;
