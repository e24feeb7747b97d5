import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { NONCONFORMANCE_DISPOSITIONS } from '../../quality';

export const QualityNonconformanceClosedV1 = defineEvent(
  'quality.nonconformance.closed',
  1,
  z.object({
    orderId: z.uuid(),
    nonconformanceId: z.uuid(),
    number: z.string(),
    disposition: z.enum(NONCONFORMANCE_DISPOSITIONS),
    closedBy: z.string(),
    closedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'The quality head closed a nonconformance whose disposition was carried out (R5.3); it no longer holds the order back.',
    key: 'orderId',
    publishers: ['quality'],
    consumers: ['sales'],
  },
);
export type QualityNonconformanceClosed = z.infer<typeof QualityNonconformanceClosedV1.payload>;
