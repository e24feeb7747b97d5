import type { ApprovalStep, Department, Role } from '@opm/contracts';
import type { Principal } from '@opm/platform';

/*
 * Who may decide an approval step (R4.1): the order's chain (approvals/) and a change request's chain (changes/, R8.2)
 * are decided by the same people under the same segregation of duties, so the rule lives here, in a support folder
 * both stages import.
 */

/** Who decides each step (R4.1): the sales head, a division leader (management), the finance head. */
export const STEP_APPROVER: Record<ApprovalStep, { department: Department | '*'; role: Role }> = {
  SALES_HEAD: { department: 'SALES', role: 'HEAD' },
  DIVISION_LEADER: { department: '*', role: 'LEADER' },
  FINANCE: { department: 'FINANCE', role: 'HEAD' },
};

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
