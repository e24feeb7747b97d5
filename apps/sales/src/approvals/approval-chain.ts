import { ApprovalStep, Department, Role, toMinorUnits } from '@opm/contracts';
import type { Principal } from '@opm/platform';

/** Who decides each step (R4.1): the sales head, a division leader (management), the finance head. */
export const STEP_APPROVER: Record<ApprovalStep, { department: Department | '*'; role: Role }> = {
  SALES_HEAD: { department: 'SALES', role: 'HEAD' },
  DIVISION_LEADER: { department: '*', role: 'LEADER' },
  FINANCE: { department: 'FINANCE', role: 'HEAD' },
};

export const STEP_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'SKIPPED', 'CANCELLED'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface PlannedStep {
  step: ApprovalStep;
  seq: number;
  status: 'PENDING' | 'SKIPPED';
}

/** The chain for one order: configured steps in order; a step whose amount condition is not met is SKIPPED. */
export function planChain(steps: readonly ApprovalStep[], minAmount: (s: ApprovalStep) => string | undefined, total: string): PlannedStep[] {
  return steps.map((step, i) => {
    const min = minAmount(step);
    const required = min === undefined || toMinorUnits(total) >= toMinorUnits(min);
    return { step, seq: i + 1, status: required ? 'PENDING' : 'SKIPPED' };
  });
}

export interface Delegation {
  step: ApprovalStep;
  delegator: string;
  delegate: string;
  validFrom: Date;
  validTo: Date;
  revokedAt: Date | null;
}

export type Authority = { ok: true; onBehalfOf: string | null } | { ok: false; reason: string };

export function holdsStep(principal: Pick<Principal, 'department' | 'role'>, step: ApprovalStep): boolean {
  const rule = STEP_APPROVER[step];
  return (rule.department === '*' || rule.department === principal.department) && rule.role === principal.role;
}

/**
 * May this person decide this step now (R4.1)? The step's own approver, or a colleague of the same role to
 * whom an approver delegated it for a period that covers now; never the person who recorded the order.
 */
export function authorityFor(principal: Principal, step: ApprovalStep, recordedBy: string | null, delegations: readonly Delegation[], now: Date): Authority {
  if (recordedBy !== null && principal.username === recordedBy) {
    return { ok: false, reason: `segregation of duties: ${principal.username} recorded this order and cannot approve it` };
  }
  if (holdsStep(principal, step)) return { ok: true, onBehalfOf: null };
  const delegation = delegations.find(
    (d) => d.step === step && d.delegate === principal.username && d.revokedAt === null && d.validFrom <= now && now < d.validTo,
  );
  if (delegation && principal.role === STEP_APPROVER[step].role) {
    if (delegation.delegator === recordedBy) {
      // A delegate acts for the delegator: what the delegator may not do, the delegate may not do for them.
      return { ok: false, reason: `segregation of duties: ${delegation.delegator} recorded this order; their delegate cannot approve it` };
    }
    return { ok: true, onBehalfOf: delegation.delegator };
  }
  const rule = STEP_APPROVER[step];
  return { ok: false, reason: `step ${step} is decided by ${rule.department === '*' ? 'a' : rule.department} ${rule.role} or their delegate; you are ${principal.department} ${principal.role}` };
}
