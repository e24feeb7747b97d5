import { z } from 'zod';
import { defineEvent } from '../../event-definition';

export const ProductionPlanStoppedV1 = defineEvent(
  'production.plan.stopped',
  1,
  z.object({
    orderId: z.uuid(),
    planId: z.uuid(),
    reason: z.string(),
    stoppedBy: z.string(),
    stoppedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      "Production stopped the order's plan (a cancellation or a head's decision): its capacity is free again and " +
      'nothing more is produced for it.',
    key: 'orderId',
    publishers: ['production'],
    consumers: ['sales'],
  },
);
export type ProductionPlanStopped = z.infer<typeof ProductionPlanStoppedV1.payload>;
