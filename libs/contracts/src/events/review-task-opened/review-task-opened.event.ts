import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { REVIEW_DEPARTMENTS, REVIEWING_SERVICES } from '../../enums';

export const AssessmentSchema = z
  .object({
    clear: z.boolean().describe("True when the department's own data says yes without a person's judgement."),
    summary: z.string(),
    reasons: z.array(z.string()),
    proposals: z
      .array(z.string())
      .describe('What the department proposes when it is not clear (solution, other date, price or cost change, ...).'),
    details: z
      .record(z.string(), z.unknown())
      .describe('Figures behind the assessment (hours, dates, margins), for the reviewer and the report.'),
  })
  .describe("A department's automatic assessment of an order, shown to its reviewer (R3.2-R3.6).");
export type Assessment = z.infer<typeof AssessmentSchema>;

export const ReviewTaskOpenedV1 = defineEvent(
  'review.task.opened',
  1,
  z.object({
    orderId: z.uuid(),
    round: z.number().int().positive(),
    department: z.enum(REVIEW_DEPARTMENTS),
    taskId: z.uuid(),
    dueAt: z.iso.datetime({ offset: true }),
    assessment: AssessmentSchema,
    openedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: "A reviewing department opened its task for an order's review round, with a due time (R3.7).",
    key: 'orderId',
    publishers: REVIEWING_SERVICES,
    consumers: ['sales'],
  },
);
export type ReviewTaskOpened = z.infer<typeof ReviewTaskOpenedV1.payload>;
