import type { OrderStatus } from '@opm/contracts';
import { ConflictProblem } from '@opm/platform';

/**
 * Every action that moves an order, and where it may go from each status (API.md "Order status", R1.1).
 * The only list of statuses in sales: everything else asks the predicates below.
 */
const TRANSITIONS = {
  RECEIVED: { awaitInfo: 'AWAITING_INFO', escalate: 'ESCALATED', startReview: 'UNDER_REVIEW' },
  AWAITING_INFO: { supplyInfo: 'RECEIVED' },
  ESCALATED: { acceptEscalation: 'UNDER_REVIEW', rejectEscalation: 'REJECTED' },
  UNDER_REVIEW: { failReview: 'REVIEW_FAILED', passReview: 'AWAITING_APPROVAL' },
  REVIEW_FAILED: { revise: 'UNDER_REVIEW', cancel: 'CANCELLED' },
  AWAITING_APPROVAL: { approve: 'APPROVED', rejectApproval: 'REVIEW_FAILED' },
  // cancel (R8.5): an approved cancellation request, once every department confirmed its part.
  APPROVED: { issue: 'ISSUED', cancel: 'CANCELLED' },
  ISSUED: { startExecution: 'IN_EXECUTION', cancel: 'CANCELLED' },
  IN_EXECUTION: { markReadyToShip: 'READY_TO_SHIP', cancel: 'CANCELLED' },
  READY_TO_SHIP: { ship: 'SHIPPED', cancel: 'CANCELLED' },
  SHIPPED: { confirmDelivery: 'DELIVERED', cancel: 'CANCELLED' },
  DELIVERED: { invoice: 'INVOICED', cancel: 'CANCELLED' },
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
  const next = Object.hasOwn(allowed, action) ? allowed[action] : undefined;
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

const STATUSES = Object.keys(TRANSITIONS) as OrderStatus[];

/**
 * A change or cancellation request may be opened (R8.1, R8.4): approved and not yet delivered; once delivered the order
 * is settled, not changed. The range follows the machine from APPROVED to DELIVERED.
 */
const CHANGEABLE = new Set<OrderStatus>(['APPROVED', 'ISSUED', 'IN_EXECUTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED']);

/** Statuses reachable from `from` by following the machine (including `from`). */
function reachableFrom(from: OrderStatus): Set<OrderStatus> {
  const seen = new Set<OrderStatus>([from]);
  const queue: OrderStatus[] = [from];
  while (queue.length) {
    const s = queue.shift() as OrderStatus;
    for (const next of Object.values(TRANSITIONS[s]) as OrderStatus[]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Finished with: refused, cancelled, paid or archived (nothing more is owed or produced). */
const CLOSED = new Set<OrderStatus>(['REJECTED', 'CANCELLED', 'SETTLED', 'ARCHIVED']);
/** Issued, and everything that can only come after issuing (the cancelled branch leaves before it). */
const ISSUED_OR_LATER = new Set<OrderStatus>([...reachableFrom('ISSUED')].filter((s) => s !== 'CANCELLED'));

/** Delivered, and what can only follow a delivery (invoiced, settled), short of the archive. */
const DELIVERED_OR_LATER = new Set<OrderStatus>([...reachableFrom('DELIVERED')].filter((s) => s !== 'ARCHIVED'));

export const isClosed = (status: OrderStatus): boolean => CLOSED.has(status);
/** Archived (R9): served only to the archive department or through an approved query request, never to tracking (R6.4). */
export const isArchived = (status: OrderStatus): boolean => status === 'ARCHIVED';
/** Every ordered quantity has been delivered (R5.5): the actual delivery date is known (R1.4). */
export const isDeliveredOrLater = (status: OrderStatus): boolean => DELIVERED_OR_LATER.has(status);
/**
 * An open order still uses the customer's credit (R2.4): everything not closed and not yet invoiced. From INVOICED on
 * the invoice's outstanding amount carries it, in finance's open invoice amount (counting both would count it twice).
 */
export const countsAgainstCredit = (status: OrderStatus): boolean => !CLOSED.has(status) && status !== 'INVOICED';
/** The order has been signed and issued (R4.2); the customer's confirmation is possible from then on (R4.4). */
export const isIssuedOrLater = (status: OrderStatus): boolean => ISSUED_OR_LATER.has(status);

/** An order in this status takes change and cancellation requests (R8.1, R8.4). */
export const isChangeable = (status: OrderStatus): boolean => CHANGEABLE.has(status);
/** Something has left the works: logistics assesses a change too (R8.2). */
export const hasShipped = (status: OrderStatus): boolean => status === 'SHIPPED' || status === 'DELIVERED';

/** The statuses a predicate holds for, for a query that filters in the database. */
export const statusesWhere = (predicate: (status: OrderStatus) => boolean): OrderStatus[] => STATUSES.filter(predicate);

/** Whether the machine allows `action` from `current` (for a stage that checks before doing work of its own). */
export const canTake = (current: OrderStatus, action: OrderAction): boolean => Object.hasOwn(TRANSITIONS[current], action);
