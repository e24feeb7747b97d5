import { z } from 'zod';
import { defineEvent } from '../../event-definition';

export const ProductionPlanCompletedV1 = defineEvent(
  'production.plan.completed',
  1,
  z.object({
    orderId: z.uuid(),
    planId: z.uuid(),
    quantityProduced: z.number().int().nonnegative(),
    completedBy: z.string(),
    completedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'Production completed the order (R5.1): every task done, no problem open. Sales moves the order to ' +
      '`READY_TO_SHIP` once a final inspection has also passed with no open nonconformance, whichever comes last.',
    key: 'orderId',
    publishers: ['production'],
    consumers: ['sales'],
  },
);
export type ProductionPlanCompleted = z.infer<typeof ProductionPlanCompletedV1.payload>;
