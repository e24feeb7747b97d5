import { z } from 'zod';
import { defineEvent } from '../../event-definition';

export const ProductionPlanReleasedV1 = defineEvent(
  'production.plan.released',
  1,
  z.object({
    orderId: z.uuid(),
    planId: z.uuid(),
    releasedBy: z.string(),
    releasedAt: z.iso.datetime({ offset: true }),
    plannedEnd: z.iso.datetime({ offset: true }).describe('When the last task of the released plan is scheduled to end.'),
    late: z.boolean().describe('The plan cannot end before the promised delivery date minus shipping time.'),
  }),
  {
    description:
      'The production head released the production plan of an issued order (R5.1): sales moves the order to ' +
      '`IN_EXECUTION`; its tasks now hold capacity on their work centres.',
    key: 'orderId',
    publishers: ['production'],
    consumers: ['sales'],
  },
);
export type ProductionPlanReleased = z.infer<typeof ProductionPlanReleasedV1.payload>;
