/**
 * What the stages record on the order itself (jsonb columns of sales_order, shown in the order view). The
 * types live with the order so the core and the view need no stage; the rules that fill them live in the stages.
 */

/** The policy's checks right after recording (R2.4). */
export type CheckName = 'COMPLETENESS' | 'CREDIT' | 'DELIVERY_DATE';
/** PENDING: the check cannot be decided yet (sales does not know the customer's credit standing yet). */
export type CheckResult = 'PASS' | 'FAIL' | 'PENDING';

export interface PreliminaryCheck {
  check: CheckName;
  result: CheckResult;
  reasons: string[];
}

export interface PreliminaryReview {
  checks: PreliminaryCheck[];
  /** What the customer still has to supply (R2.5). */
  missing: string[];
  /** Lines without a catalog product: technical review must judge them (R3.2). */
  needsTechnicalReview: number[];
  /** PENDING: the order stays RECEIVED until the pending check can be decided. */
  outcome: 'AWAITING_INFO' | 'ESCALATED' | 'UNDER_REVIEW' | 'PENDING';
  ranAt: string;
  /** Since when a check has been pending (the wait for finance's credit standing is bounded); null when none is. */
  waitingSince?: string | null;
}

/** Why intake escalated the order, and the leader's decision (R2.6). */
export interface Escalation {
  reasons: string[];
  escalatedAt: string;
  decision: 'ACCEPT' | 'REJECT' | null;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}
