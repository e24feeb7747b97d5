import { z } from 'zod';
import { APPROVAL_STEPS, ORDER_STATUSES } from '@opm/contracts';
import { apiView, ViewOf } from '@opm/platform';
import { STEP_STATUSES } from './approval-chain';
import type { ApprovalStepRecord } from './approval-step.entity';
import type { DelegationRecord } from './delegation.entity';

/** One step of the order's current approval chain (R4.1). */
export const ApprovalStepViewSchema = z.object({
  step: z.enum(APPROVAL_STEPS),
  seq: z.number().int().positive(),
  status: z.enum(STEP_STATUSES),
  decidedBy: z.string().nullable(),
  /** The approver a delegate decided for. */
  onBehalfOf: z.string().nullable().describe('the approver a delegate decided for'),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  comment: z.string().nullable(),
});
export type ApprovalStepView = z.infer<typeof ApprovalStepViewSchema>;

/** GET /orders/{id}/approvals: the current chain (a new one after each passed review); none yet: `chain: null, steps: []`. */
export const ApprovalChainDef = apiView(
  'ApprovalChain',
  z.object({
    chain: z.number().int().positive().nullable().describe('which chain of the order this is (1, 2, ... after each passed review); null before the first'),
    steps: z.array(ApprovalStepViewSchema),
  }),
);
export type ApprovalChainView = ViewOf<typeof ApprovalChainDef>;

/** A decision's answer: the order's status after it (APPROVED after the last approval, REVIEW_FAILED after a rejection) and the chain. */
export const ApprovalDecisionResultDef = apiView(
  'ApprovalDecisionResult',
  z.object({
    status: z.enum(ORDER_STATUSES).describe("the order's status after the decision"),
    steps: z.array(ApprovalStepViewSchema),
  }),
);
export type ApprovalDecisionResultView = ViewOf<typeof ApprovalDecisionResultDef>;

/** An approver handed a step to a colleague of the same role for a period (R4.1). */
export const DelegationViewDef = apiView(
  'Delegation',
  z.object({
    id: z.uuid(),
    step: z.enum(APPROVAL_STEPS),
    delegator: z.string(),
    delegate: z.string(),
    validFrom: z.iso.datetime({ offset: true }),
    validTo: z.iso.datetime({ offset: true }),
    reason: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
  }),
);
export type DelegationView = ViewOf<typeof DelegationViewDef>;

/** GET /approvals/delegations: the newest 200, newest first. */
export const DelegationsDef = apiView('Delegations', z.object({ items: z.array(DelegationViewDef.schema) }));
export type DelegationsView = ViewOf<typeof DelegationsDef>;

export const toApprovalStepView = (s: ApprovalStepRecord): ApprovalStepView => ({
  step: s.step,
  seq: s.seq,
  status: s.status,
  decidedBy: s.decidedBy,
  onBehalfOf: s.onBehalfOf,
  decidedAt: s.decidedAt?.toISOString() ?? null,
  comment: s.comment,
});

export const toDelegationView = (d: DelegationRecord): DelegationView => ({
  id: d.id,
  step: d.step,
  delegator: d.delegator,
  delegate: d.delegate,
  validFrom: d.validFrom.toISOString(),
  validTo: d.validTo.toISOString(),
  reason: d.reason,
  createdAt: d.createdAt.toISOString(),
  revokedAt: d.revokedAt?.toISOString() ?? null,
});
