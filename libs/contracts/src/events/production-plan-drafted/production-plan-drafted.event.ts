import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CHECKPOINT_SOURCES } from '../../production-execution';

export const PlanScheduleSchema = z.object({
  plannedEnd: z.iso.datetime({ offset: true }).nullable().describe('When the last task is scheduled to end; null when the plan has no task.'),
  late: z.boolean().describe('The plan cannot end before the promised delivery date minus shipping time.'),
  earliestDeliveryDate: z.iso.date().nullable().describe('The delivery date the schedule can make (its end plus shipping time).'),
});

export const ProductionPlanDraftedV1 = defineEvent(
  'production.plan.drafted',
  1,
  PlanScheduleSchema.extend({
    orderId: z.uuid(),
    planId: z.uuid(),
    tasks: z.array(
      z.object({
        taskId: z.uuid(),
        name: z.string(),
        workCentre: z.string(),
        plannedStart: z.iso.datetime({ offset: true }),
        plannedEnd: z.iso.datetime({ offset: true }),
      }),
    ),
    checkpoints: z.array(z.object({ name: z.string(), source: z.enum(CHECKPOINT_SOURCES) })),
    unplannedLines: z.array(z.number().int().positive()).describe('Lines without catalog hours: no task could be scheduled for them.'),
    draftedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'Production drafted the plan of an issued order (R5.1): tasks from the catalog scheduled forward on the work ' +
      "centres' free capacity, with quality's control measures as checkpoints; its hours now hold capacity.",
    key: 'orderId',
    publishers: ['production'],
    consumers: ['sales'],
  },
);
export type ProductionPlanDrafted = z.infer<typeof ProductionPlanDraftedV1.payload>;
