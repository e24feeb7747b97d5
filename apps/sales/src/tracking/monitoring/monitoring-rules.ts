import type { OrderStatus } from '@opm/contracts';
import { isArchived } from '../../lifecycle/order-state-machine';

/** What an open item of an order is (R6.4): each department's work that has a due time, or that holds the order back. */
export const MONITORING_ITEM_KINDS = [
  'REVIEW',
  'ACKNOWLEDGEMENT',
  'PLAN_TASK',
  'SUPPLIER_DELIVERY',
  'PROBLEM',
  'NONCONFORMANCE',
  'SHIPMENT',
  'INVOICE',
  'MEETING_ACTION',
] as const;
export type MonitoringItemKind = (typeof MONITORING_ITEM_KINDS)[number];

export interface DueItem {
  /** null: open without a due time (a problem, a nonconformance): never overdue, still open. */
  dueAt: Date | null;
  closedAt: Date | null;
}

/** Overdue is decided when read, never stored: an open item whose due time has passed (R6.4). */
export function isOverdue(item: DueItem, now: Date): boolean {
  return item.closedAt === null && item.dueAt !== null && item.dueAt.getTime() < now.getTime();
}

/** A delivery, shipment or payment due on a day is late once that day is over (UTC, as the dates travel). */
export function endOfDay(date: string): Date {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** The one place that decides which orders tracking shows anyone: never an archived one (R6.4, R9). */
export function isMonitored(status: OrderStatus): boolean {
  return !isArchived(status);
}

export interface ExpectedDateFacts {
  promisedDate: string | null;
  /** The released (or drafted) plan's first start and last end. */
  planStart: Date | null;
  planEnd: Date | null;
  /** The latest delivery date a supplier moved a contract of the order to. */
  delayedSupplyDate: string | null;
  /** The latest planned date of a shipment not yet delivered. */
  shipmentPlannedDate: string | null;
  /** The last proof of delivery's date, once the order is delivered. */
  actualDeliveryDate: string | null;
  delivered: boolean;
}

const dayOf = (d: Date): string => d.toISOString().slice(0, 10);
const lastDayBefore = (end: Date): string => dayOf(new Date(end.getTime() - 1));

/**
 * The expected delivery date (R6.4, R4.4). Once delivered, the actual date; once a shipment is planned, its (latest)
 * planned date, which is the concrete answer. Before that, the promise holds unless something pushes past it: the
 * plan's last production day, or a supplier's delayed delivery when it falls on or after the plan's start (production
 * can begin only the day after the material arrives, so the plan's end slips by as much). A plan that ends early does
 * not make the delivery early: the customer asked for the promised date.
 */
export function expectedDate(f: ExpectedDateFacts): string | null {
  if (f.delivered && f.actualDeliveryDate) return f.actualDeliveryDate;
  if (f.shipmentPlannedDate) return f.shipmentPlannedDate;
  const candidates: string[] = f.promisedDate ? [f.promisedDate] : [];
  if (f.planEnd) candidates.push(lastDayBefore(f.planEnd));
  if (f.delayedSupplyDate && f.planStart && f.delayedSupplyDate >= dayOf(f.planStart)) {
    const slip = Math.round((new Date(`${f.delayedSupplyDate}T00:00:00.000Z`).getTime() - new Date(`${dayOf(f.planStart)}T00:00:00.000Z`).getTime()) / 86_400_000) + 1;
    const end = f.planEnd ? lastDayBefore(f.planEnd) : f.delayedSupplyDate;
    const pushed = new Date(`${end}T00:00:00.000Z`);
    pushed.setUTCDate(pushed.getUTCDate() + slip);
    candidates.push(dayOf(pushed));
  }
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b > a ? b : a));
}

/** A date later than promised endangers the promise (R6.5); without a promise nothing can be endangered. */
export function endangersPromise(expected: string | null, promised: string | null): boolean {
  return expected !== null && promised !== null && expected > promised;
}
