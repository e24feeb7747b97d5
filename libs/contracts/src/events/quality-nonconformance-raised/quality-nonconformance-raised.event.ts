import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { INSPECTION_STAGES } from '../../quality';

export const QualityNonconformanceRaisedV1 = defineEvent(
  'quality.nonconformance.raised',
  1,
  z.object({
    orderId: z.uuid(),
    nonconformanceId: z.uuid(),
    number: z.string().describe('The nonconformance notice number (NC-yyyy-nnnnnn).'),
    inspectionId: z.uuid(),
    stage: z.enum(INSPECTION_STAGES),
    lot: z.string(),
    description: z.string().describe("The failed inspection's findings."),
    raisedBy: z.string(),
    raisedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'A failed lot raised a nonconformance notice (R5.3); it stays open until the quality head has set a disposition and closed it.',
    key: 'orderId',
    publishers: ['quality'],
    consumers: ['sales'],
  },
);
export type QualityNonconformanceRaised = z.infer<typeof QualityNonconformanceRaisedV1.payload>;
