import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { PLAN_STATUSES, PLAN_TASK_STATUSES } from '../../production-execution';

export const ProductionTaskProgressedV1 = defineEvent(
  'production.task.progressed',
  1,
  z.object({
    orderId: z.uuid(),
    planId: z.uuid(),
    taskId: z.uuid(),
    taskName: z.string(),
    progressPercent: z.number().int().min(0).max(100),
    status: z.enum(PLAN_TASK_STATUSES).describe('DONE at 100 percent.'),
    planStatus: z.enum(PLAN_STATUSES).describe('IN_PROGRESS from the first progress report.'),
    note: z.string().nullable(),
    reportedBy: z.string(),
    reportedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'Production reported progress on a task of a released plan (R5.1, R6.2).',
    key: 'orderId',
    publishers: ['production'],
    consumers: ['sales'],
  },
);
export type ProductionTaskProgressed = z.infer<typeof ProductionTaskProgressedV1.payload>;
