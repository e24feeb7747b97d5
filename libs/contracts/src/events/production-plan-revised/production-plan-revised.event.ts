import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { PlanScheduleSchema } from '../production-plan-drafted/production-plan-drafted.event';

export const ProductionPlanRevisedV1 = defineEvent(
  'production.plan.revised',
  1,
  PlanScheduleSchema.extend({
    orderId: z.uuid(),
    planId: z.uuid(),
    change: z
      .enum(['RESCHEDULED', 'CHECKPOINTS_UPDATED'])
      .describe("RESCHEDULED: the draft was scheduled again on today's free capacity; CHECKPOINTS_UPDATED: quality's review arrived after the draft."),
    checkpointCount: z.number().int().nonnegative(),
    revisedBy: z.string(),
    revisedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'A draft production plan changed before its release (R5.1): scheduled again, or its quality checkpoints updated.',
    key: 'orderId',
    publishers: ['production'],
    consumers: ['sales'],
  },
);
export type ProductionPlanRevised = z.infer<typeof ProductionPlanRevisedV1.payload>;
