import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { NONCONFORMANCE_DISPOSITIONS } from '../../quality';

export const QualityNonconformanceDispositionedV1 = defineEvent(
  'quality.nonconformance.dispositioned',
  1,
  z.object({
    orderId: z.uuid(),
    nonconformanceId: z.uuid(),
    number: z.string(),
    disposition: z.enum(NONCONFORMANCE_DISPOSITIONS),
    previousDisposition: z.enum(NONCONFORMANCE_DISPOSITIONS).nullable().describe('The disposition this one replaces; null for the first.'),
    note: z.string(),
    dispositionedBy: z.string(),
    dispositionedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'The quality head set (or changed, before closing) the disposition of a nonconformance (R5.3): rework, scrap, ' +
      'use as is, or return to the supplier; production and purchasing act on it.',
    key: 'orderId',
    publishers: ['quality'],
    consumers: ['sales'],
  },
);
export type QualityNonconformanceDispositioned = z.infer<typeof QualityNonconformanceDispositionedV1.payload>;
