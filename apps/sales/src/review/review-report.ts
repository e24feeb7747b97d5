import { z } from 'zod';
import { AssessmentSchema, REVIEW_DEPARTMENTS, type Assessment, type ReviewDepartment } from '@opm/contracts';

/** Per department: who reviewed, when, what the automatic assessment said, the opinion and conclusion (R3.8). */
export const ReportEntrySchema = z.object({
  department: z.enum(REVIEW_DEPARTMENTS),
  reviewer: z.string(),
  reviewerRole: z.string().nullable(),
  decidedAt: z.iso.datetime({ offset: true }),
  autoConfirmed: z.boolean(),
  assessment: AssessmentSchema.nullable(),
  conclusion: z.enum(['PASS', 'FAIL']),
  opinion: z.string(),
  proposals: z.array(z.string()),
  /** The task was answered after its due time had been escalated. */
  wasOverdue: z.boolean().describe('the task was answered after its due time had been escalated'),
});
export type ReportEntry = z.infer<typeof ReportEntrySchema>;

/** The review report of a round (R3.7, R3.8), kept on the round (jsonb) and shown in its view. */
export const ReviewReportSchema = z.object({
  round: z.number().int().positive(),
  conclusion: z.enum(['PASS', 'FAIL']),
  /** Why it failed: each failing department's opinion and proposals, and the chair's comment. */
  reasons: z.array(z.string()).describe("why it failed: each failing department's opinion and proposals, and the panel chair's comment"),
  departments: z.array(ReportEntrySchema),
  compiledAt: z.iso.datetime({ offset: true }),
});
export type ReviewReport = z.infer<typeof ReviewReportSchema>;

export interface AnsweredTask {
  department: ReviewDepartment;
  status: 'REQUESTED' | 'OPEN' | 'DONE';
  reviewer: string | null;
  reviewerRole: string | null;
  decidedAt: Date | null;
  autoConfirmed: boolean;
  assessment: Assessment | null;
  conclusion: 'PASS' | 'FAIL' | null;
  opinion: string | null;
  proposals: string[];
  escalatedAt: Date | null;
}

/**
 * Sales consolidates the five opinions into the review report (R3.7): only when every reviewing department
 * has answered; any FAIL fails the round. Returns null while an answer is missing.
 */
export function consolidate(round: number, tasks: readonly AnsweredTask[], now = new Date()): ReviewReport | null {
  const byDepartment = new Map(tasks.map((t) => [t.department, t]));
  const entries: ReportEntry[] = [];
  for (const department of REVIEW_DEPARTMENTS) {
    const t = byDepartment.get(department);
    if (!t || t.status !== 'DONE' || !t.conclusion || !t.reviewer || !t.decidedAt) return null;
    entries.push({
      department,
      reviewer: t.reviewer,
      reviewerRole: t.reviewerRole,
      decidedAt: t.decidedAt.toISOString(),
      autoConfirmed: t.autoConfirmed,
      assessment: t.assessment,
      conclusion: t.conclusion,
      opinion: t.opinion ?? '',
      proposals: t.proposals,
      wasOverdue: t.escalatedAt !== null,
    });
  }
  const failed = entries.filter((e) => e.conclusion === 'FAIL');
  return {
    round,
    conclusion: failed.length ? 'FAIL' : 'PASS',
    reasons: failed.map((e) => `${e.department}: ${e.opinion}${e.proposals.length ? ` (proposals: ${e.proposals.join('; ')})` : ''}`),
    departments: entries,
    compiledAt: now.toISOString(),
  };
}
