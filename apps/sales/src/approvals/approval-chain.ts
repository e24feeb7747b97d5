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
 * Whom a step may be delegated to (R4.1, issue 11): an existing user of the delegator's own department (a
 * deputy), never the delegator. Null when the delegate is acceptable; `known` false means there is no user
 * list to check against (an external identity provider only), so only the department rule of `authorityFor`
 * applies when the delegate acts.
 */
export function delegateProblem(delegator: Principal, delegate: string, found: Principal | undefined, known: boolean): string | null {
  if (delegate === delegator.username) return 'must not be yourself';
  if (!known) return null;
  if (!found) return `${delegate} is not a user`;
  if (found.department !== delegator.department) return `must be a user of ${delegator.department}; ${delegate} is in ${found.department}`;
  return null;
}

/** Whether `principal` is someone a delegation of `step` can name: of the step's department, or of its role where any department holds it. */
function canDeputise(principal: Principal, step: ApprovalStep): boolean {
  const rule = STEP_APPROVER[step];
  return rule.department === '*' ? principal.role === rule.role : principal.department === rule.department;
}

/**
 * May this person decide this step now (R4.1)? The step's own approver, or a colleague of the step's department
 * (a leader, for the leader's step) to whom an approver delegated it for a period that covers now; never the
 * person who recorded the order.
 */
export function authorityFor(principal: Principal, step: ApprovalStep, recordedBy: string | null, delegations: readonly Delegation[], now: Date): Authority {
  if (recordedBy !== null && principal.username === recordedBy) {
    return { ok: false, reason: `segregation of duties: ${principal.username} recorded this order and cannot approve it` };
  }
  if (holdsStep(principal, step)) return { ok: true, onBehalfOf: null };
  const delegation = delegations.find(
    (d) => d.step === step && d.delegate === principal.username && d.revokedAt === null && d.validFrom <= now && now < d.validTo,
  );
  if (delegation && canDeputise(principal, step)) {
    if (delegation.delegator === recordedBy) {
      // A delegate acts for the delegator: what the delegator may not do, the delegate may not do for them.
      return { ok: false, reason: `segregation of duties: ${delegation.delegator} recorded this order; their delegate cannot approve it` };
    }
    return { ok: true, onBehalfOf: delegation.delegator };
  }
  const rule = STEP_APPROVER[step];
  return { ok: false, reason: `step ${step} is decided by ${rule.department === '*' ? 'a' : rule.department} ${rule.role} or their delegate; you are ${principal.department} ${principal.role}` };
}
