import { z } from 'zod';
import { AssessmentSchema, REVIEW_DEPARTMENTS } from '@opm/contracts';
import { apiView, ViewOf } from '@opm/platform';
import { ReviewReportSchema } from './review-report';
import { ChairConclusionSchema, REVIEW_ROUND_STATUSES, ReviewRound, RoundRevisionSchema } from './review-round.entity';
import type { ReviewTaskCopy } from './review-task-copy.entity';

/** One department's task in a round, as sales follows it from the department's events (R3.7). */
export const ReviewTaskViewSchema = z.object({
  department: z.enum(REVIEW_DEPARTMENTS),
  /** REQUESTED until the department has opened its task (its due time and assessment come with that), then OPEN, then DONE. */
  status: z.enum(['REQUESTED', 'OPEN', 'DONE']).describe('REQUESTED until the department has opened its task (due time and assessment come with that), then OPEN, then DONE'),
  taskId: z.uuid().nullable(),
  dueAt: z.iso.datetime({ offset: true }).nullable().describe('REQUESTED: when the department must have opened its task by; OPEN: when it must answer by'),
  /** Not yet answered and past its due time, or escalated. */
  overdue: z.boolean().describe('REQUESTED or OPEN and past its due time, or escalated'),
  escalatedAt: z.iso.datetime({ offset: true }).nullable(),
  escalatedTo: z.string().nullable(),
  assessment: AssessmentSchema.nullable(),
  conclusion: z.enum(['PASS', 'FAIL']).nullable(),
  opinion: z.string().nullable(),
  proposals: z.array(z.string()),
  reviewer: z.string().nullable(),
  reviewerRole: z.string().nullable(),
  autoConfirmed: z.boolean(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ReviewTaskView = z.infer<typeof ReviewTaskViewSchema>;

export const ReviewRoundViewSchema = z.object({
  round: z.number().int().positive(),
  status: z.enum(REVIEW_ROUND_STATUSES),
  /** Major or complex (R3.1): a panel chaired by a leader signs off the report. */
  major: z.boolean().describe('major or complex (R3.1): a panel chaired by a leader signs off the report'),
  openedAt: z.iso.datetime({ offset: true }),
  concludedAt: z.iso.datetime({ offset: true }).nullable(),
  revision: RoundRevisionSchema.nullable().describe('why sales revised the order before this round (R3.7); null for the first'),
  stuck: z
    .boolean()
    .describe("an open round a department has not opened its task in by its due time: the request was not applied there (see that service's dead letters); escalated"),
  tasks: z.array(ReviewTaskViewSchema),
  report: ReviewReportSchema.nullable().describe('once every department has answered'),
  chair: ChairConclusionSchema.nullable(),
});
export type ReviewRoundView = z.infer<typeof ReviewRoundViewSchema>;

/** GET /orders/{id}/review: every round of the order, oldest first (R3.7, R3.8). */
export const ReviewRoundsDef = apiView('ReviewRounds', z.object({ rounds: z.array(ReviewRoundViewSchema) }));
export type ReviewRoundsView = ViewOf<typeof ReviewRoundsDef>;

export function toReviewTaskView(t: ReviewTaskCopy, now: Date): ReviewTaskView {
  return {
    department: t.department,
    status: t.status,
    taskId: t.taskId,
    dueAt: t.dueAt?.toISOString() ?? null,
    overdue: t.status !== 'DONE' && (t.escalatedAt !== null || (t.dueAt !== null && t.dueAt < now)),
    escalatedAt: t.escalatedAt?.toISOString() ?? null,
    escalatedTo: t.escalatedTo,
    assessment: t.assessment,
    conclusion: t.conclusion,
    opinion: t.opinion,
    proposals: t.proposals,
    reviewer: t.reviewer,
    reviewerRole: t.reviewerRole,
    autoConfirmed: t.autoConfirmed,
    decidedAt: t.decidedAt?.toISOString() ?? null,
  };
}

/** The rounds with their tasks in the departments' fixed order. */
export function toReviewRoundsView(rounds: readonly ReviewRound[], tasks: readonly ReviewTaskCopy[], now: Date): ReviewRoundsView {
  return {
    rounds: rounds.map((r) => ({
      round: r.round,
      status: r.status,
      major: r.major,
      openedAt: r.openedAt.toISOString(),
      concludedAt: r.concludedAt?.toISOString() ?? null,
      revision: r.revision,
      stuck: r.status === 'OPEN' && tasks.some((t) => t.round === r.round && t.status === 'REQUESTED' && (t.escalatedAt !== null || (t.dueAt !== null && t.dueAt < now))),
      tasks: REVIEW_DEPARTMENTS.map((d) => tasks.find((t) => t.round === r.round && t.department === d))
        .filter((t): t is ReviewTaskCopy => t !== undefined)
        .map((t) => toReviewTaskView(t, now)),
      report: r.report,
      chair: r.chair,
    })),
  };
}
