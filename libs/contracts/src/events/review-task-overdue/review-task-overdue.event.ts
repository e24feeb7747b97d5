import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { REVIEW_DEPARTMENTS, REVIEWING_SERVICES } from '../../enums';

export const ReviewTaskOverdueV1 = defineEvent(
  'review.task.overdue',
  1,
  z.object({
    orderId: z.uuid(),
    round: z.number().int().positive(),
    department: z.enum(REVIEW_DEPARTMENTS),
    taskId: z.uuid(),
    dueAt: z.iso.datetime({ offset: true }),
    escalatedAt: z.iso.datetime({ offset: true }),
    escalatedTo: z.string().describe("Who is reminded: the department's head."),
  }),
  {
    description: 'A review task passed its due time unanswered: escalated to the department head and shown to sales (R3.7).',
    key: 'orderId',
    publishers: REVIEWING_SERVICES,
    consumers: ['sales'],
  },
);
export type ReviewTaskOverdue = z.infer<typeof ReviewTaskOverdueV1.payload>;
