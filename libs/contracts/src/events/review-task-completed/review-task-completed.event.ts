import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { REVIEW_DEPARTMENTS, REVIEWING_SERVICES } from '../../enums';
import { AssessmentSchema } from '../review-task-opened/review-task-opened.event';

export const ReviewTaskCompletedV1 = defineEvent(
  'review.task.completed',
  1,
  z.object({
    orderId: z.uuid(),
    round: z.number().int().positive(),
    department: z.enum(REVIEW_DEPARTMENTS),
    taskId: z.uuid(),
    conclusion: z.enum(['PASS', 'FAIL']),
    opinion: z.string(),
    proposals: z.array(z.string()),
    assessment: AssessmentSchema,
    reviewer: z.string().describe('Username of the reviewer, or `system:<service>` when a clear assessment was auto-confirmed.'),
    reviewerRole: z.string().nullable(),
    autoConfirmed: z.boolean(),
    decidedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'A department answered its review task: the opinion that goes into the review report (R3.7, R3.8).',
    key: 'orderId',
    publishers: REVIEWING_SERVICES,
    consumers: ['sales', 'production'], // production keeps quality's control measures for its plan's checkpoints (R3.4, R5.1)
  },
);
export type ReviewTaskCompleted = z.infer<typeof ReviewTaskCompletedV1.payload>;
