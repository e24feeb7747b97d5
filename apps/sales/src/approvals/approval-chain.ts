import { ApprovalStep, toMinorUnits } from '@opm/contracts';
import type { Principal } from '@opm/platform';

export { authorityFor, holdsStep, STEP_APPROVER, type Authority, type Delegation } from '../config/approval-authority';


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

