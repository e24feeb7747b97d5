import { z } from 'zod';

/**
 * What the stages record on the order itself (jsonb columns of sales_order, shown in the order view). The
 * schemas live with the order so the core and the view need no stage; the rules that fill them live in the
 * stages. Each schema is the one definition: the TypeScript type is inferred from it and the order view's
 * OpenAPI component is generated from it.
 */

/** The policy's checks right after recording (R2.4). */
export const CHECK_NAMES = ['COMPLETENESS', 'CREDIT', 'DELIVERY_DATE'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];
/** PENDING: the check cannot be decided yet (sales does not know the customer's credit standing yet). */
export const CHECK_RESULTS = ['PASS', 'FAIL', 'PENDING'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const PreliminaryCheckSchema = z.object({
  check: z.enum(CHECK_NAMES),
  result: z.enum(CHECK_RESULTS),
  reasons: z.array(z.string()),
});
export type PreliminaryCheck = z.infer<typeof PreliminaryCheckSchema>;

export const PreliminaryReviewSchema = z.object({
  checks: z.array(PreliminaryCheckSchema),
  /** What the customer still has to supply (R2.5). */
  missing: z.array(z.string()).describe('what the customer still has to supply (R2.5)'),
  /** Lines without a catalog product: technical review must judge them (R3.2). */
  needsTechnicalReview: z.array(z.number().int()).describe('numbers of the lines without a catalog product: technical review judges them (R3.2)'),
  /** PENDING: the order stays RECEIVED until the pending check can be decided. */
  outcome: z.enum(['AWAITING_INFO', 'ESCALATED', 'UNDER_REVIEW', 'PENDING']),
  ranAt: z.iso.datetime({ offset: true }),
  /** Since when a check has been pending (the wait for finance's credit standing is bounded); null when none is. */
  waitingSince: z.iso.datetime({ offset: true }).nullable().optional().describe('since when a check has been pending; null when none is'),
});
export type PreliminaryReview = z.infer<typeof PreliminaryReviewSchema>;

/** Why intake escalated the order, and the leader's decision (R2.6). */
export const EscalationSchema = z.object({
  reasons: z.array(z.string()),
  escalatedAt: z.iso.datetime({ offset: true }),
  decision: z.enum(['ACCEPT', 'REJECT']).nullable(),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Escalation = z.infer<typeof EscalationSchema>;

/** The change or cancellation request open on the order (R8.3): while it is set the order refuses other changes. */
export const PendingChangeSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['CHANGE', 'CANCELLATION']),
  status: z.string().describe('the request\'s status (UNDER_REVIEW, AWAITING_APPROVAL, APPROVED)'),
});
export type PendingChange = z.infer<typeof PendingChangeSchema>;
