import type { OrderStatus } from '@opm/contracts';
import { ConflictProblem } from '@opm/platform';

/** Every action that moves an order, and where it may go from each status (API.md "Order status", R1.1). */
const TRANSITIONS = {
  RECEIVED: { awaitInfo: 'AWAITING_INFO', escalate: 'ESCALATED', startReview: 'UNDER_REVIEW' },
  AWAITING_INFO: { supplyInfo: 'RECEIVED' },
  ESCALATED: { acceptEscalation: 'UNDER_REVIEW', rejectEscalation: 'REJECTED' },
  UNDER_REVIEW: { failReview: 'REVIEW_FAILED', passReview: 'AWAITING_APPROVAL' },
  REVIEW_FAILED: { revise: 'UNDER_REVIEW', cancel: 'CANCELLED' },
  AWAITING_APPROVAL: { approve: 'APPROVED', rejectApproval: 'REVIEW_FAILED' },
  APPROVED: { issue: 'ISSUED' },
  ISSUED: { startExecution: 'IN_EXECUTION' },
  IN_EXECUTION: { markReadyToShip: 'READY_TO_SHIP' },
  READY_TO_SHIP: { ship: 'SHIPPED' },
  SHIPPED: { confirmDelivery: 'DELIVERED' },
  DELIVERED: { invoice: 'INVOICED' },
  INVOICED: { settle: 'SETTLED' },
  SETTLED: { archive: 'ARCHIVED' },
  CANCELLED: { archive: 'ARCHIVED' },
  REJECTED: {},
  ARCHIVED: {},
} as const satisfies Record<OrderStatus, Partial<Record<string, OrderStatus>>>;

type Transitions = typeof TRANSITIONS;
export type OrderAction = { [S in keyof Transitions]: keyof Transitions[S] }[keyof Transitions];

/** The status an action leads to, or 409 naming the current status and the refused action. */
export function nextStatus(current: OrderStatus, action: OrderAction): OrderStatus {
  const allowed = TRANSITIONS[current] as Partial<Record<OrderAction, OrderStatus>>;
  const next = allowed[action];
  if (!next) {
    const possible = Object.keys(allowed);
    throw new ConflictProblem(
      `cannot ${action} an order in status ${current}${possible.length ? ` (possible: ${possible.join(', ')})` : ''}`,
      { currentStatus: current, action },
    );
  }
  return next;
}

export function allowedActions(current: OrderStatus): OrderAction[] {
  return Object.keys(TRANSITIONS[current]) as OrderAction[];
}
