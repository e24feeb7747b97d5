import type { LedgerKind } from '../ledger/ledger-entry';

/** What the reports read of a ledger entry. */
export interface ReportEntry {
  orderId: string;
  seq: number;
  at: string;
  kind: LedgerKind;
  refId: string;
  data: Record<string, unknown>;
}

/** An ISO 8601 week, Monday 00:00 UTC up to the next Monday (the reports' weeks are UTC weeks). */
export interface IsoWeek {
  label: string;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** `2026-W49` -> its Monday-to-Monday range; null for anything else, or a week 53 the year does not have. */
export function parseIsoWeek(text: string): IsoWeek | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > 53) return null;
  // Week 1 holds the year's first Thursday, so it holds January 4th.
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const from = monday1 + (week - 1) * 7 * DAY_MS;
  if (isoWeekOf(new Date(from)) !== text) return null;
  return { label: text, from: new Date(from).toISOString(), to: new Date(from + 7 * DAY_MS).toISOString() };
}

/** The ISO week a moment falls in (UTC), e.g. `2026-W49`. */
export function isoWeekOf(moment: Date): string {
  const day = Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate());
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const inWeek = (week: IsoWeek, at: string): boolean => at >= week.from && at < week.to;

export interface SeverityCounts {
  total: number;
  MINOR: number;
  MAJOR: number;
}

export interface ProductionWeek {
  /** Orders whose plan was released or completed in the week. */
  ordersAdvanced: number;
  plansReleased: number;
  plansCompleted: number;
  tasksDone: number;
  progressReports: number;
  problemsOpened: SeverityCounts;
  problemsClosed: SeverityCounts;
}

export interface PurchasingWeek {
  contractsSigned: number;
  receipts: number;
  /** Delays reported and overdue deliveries detected in the week. */
  deliveriesLate: number;
  /** The contracts those were about. */
  contractsLate: number;
  receiptInspections: { accepted: number; rejected: number };
}

export interface QualityWeek {
  inspectionsPassed: number;
  inspectionsFailed: number;
  nonconformancesOpened: number;
  nonconformancesClosed: number;
}

export const REPORT_DEPARTMENTS = ['PRODUCTION', 'PURCHASING', 'QUALITY'] as const;
export type ReportDepartment = (typeof REPORT_DEPARTMENTS)[number];

const count = (entries: ReportEntry[], kind: LedgerKind, where: (e: ReportEntry) => boolean = () => true) => entries.filter((e) => e.kind === kind && where(e)).length;
const distinct = (values: string[]) => new Set(values).size;

function severities(entries: ReportEntry[], severityOf: (e: ReportEntry) => unknown): SeverityCounts {
  const counts: SeverityCounts = { total: entries.length, MINOR: 0, MAJOR: 0 };
  for (const e of entries) {
    const s = severityOf(e);
    if (s === 'MINOR' || s === 'MAJOR') counts[s] += 1;
  }
  return counts;
}

/**
 * Production's week from its facts: `week` holds the week's entries, `all` every entry of those orders (a problem
 * resolved this week may have been raised before; its severity is on the raised entry).
 */
export function productionWeek(week: ReportEntry[], all: ReportEntry[]): ProductionWeek {
  const raised = new Map(all.filter((e) => e.kind === 'PROBLEM_RAISED').map((e) => [e.refId, e.data.severity]));
  const advanced = week.filter((e) => e.kind === 'PLAN_RELEASED' || e.kind === 'PLAN_COMPLETED');
  return {
    ordersAdvanced: distinct(advanced.map((e) => e.orderId)),
    plansReleased: count(week, 'PLAN_RELEASED'),
    plansCompleted: count(week, 'PLAN_COMPLETED'),
    tasksDone: count(week, 'TASK_PROGRESSED', (e) => e.data.status === 'DONE'),
    progressReports: count(week, 'TASK_PROGRESSED'),
    problemsOpened: severities(week.filter((e) => e.kind === 'PROBLEM_RAISED'), (e) => e.data.severity),
    problemsClosed: severities(week.filter((e) => e.kind === 'PROBLEM_RESOLVED'), (e) => raised.get(e.refId)),
  };
}

export function purchasingWeek(week: ReportEntry[]): PurchasingWeek {
  const late = week.filter((e) => e.kind === 'CONTRACT_DELAYED' || e.kind === 'CONTRACT_OVERDUE');
  return {
    contractsSigned: count(week, 'CONTRACT_SIGNED'),
    receipts: count(week, 'RECEIPT_RECORDED'),
    deliveriesLate: late.length,
    contractsLate: distinct(late.map((e) => e.refId)),
    receiptInspections: { accepted: count(week, 'RECEIPT_INSPECTED', (e) => e.data.result === 'ACCEPTED'), rejected: count(week, 'RECEIPT_INSPECTED', (e) => e.data.result === 'REJECTED') },
  };
}

export function qualityWeek(week: ReportEntry[]): QualityWeek {
  return {
    inspectionsPassed: count(week, 'INSPECTION_RECORDED', (e) => e.data.result === 'PASS'),
    inspectionsFailed: count(week, 'INSPECTION_RECORDED', (e) => e.data.result === 'FAIL'),
    nonconformancesOpened: count(week, 'NONCONFORMANCE_RAISED'),
    nonconformancesClosed: count(week, 'NONCONFORMANCE_CLOSED'),
  };
}

const PRODUCTION_KINDS: readonly LedgerKind[] = ['PLAN_DRAFTED', 'PLAN_REVISED', 'PLAN_RELEASED', 'TASK_PROGRESSED', 'WORK_REPORTED', 'PROBLEM_RAISED', 'PROBLEM_RESOLVED', 'PLAN_COMPLETED', 'PLAN_STOPPED'];
const PURCHASING_KINDS: readonly LedgerKind[] = ['REQUIREMENTS_COMPUTED', 'CONTRACT_SIGNED', 'CONTRACT_DELAYED', 'CONTRACT_OVERDUE', 'RECEIPT_RECORDED', 'RECEIPT_INSPECTED'];
const QUALITY_KINDS: readonly LedgerKind[] = ['INSPECTION_RECORDED', 'NONCONFORMANCE_RAISED', 'NONCONFORMANCE_DISPOSITIONED', 'NONCONFORMANCE_CLOSED'];
const KINDS: Record<ReportDepartment, readonly LedgerKind[]> = { PRODUCTION: PRODUCTION_KINDS, PURCHASING: PURCHASING_KINDS, QUALITY: QUALITY_KINDS };

export interface DepartmentWeeklyReport {
  week: string;
  from: string;
  to: string;
  department: ReportDepartment;
  /** Orders the department reported on in the week. */
  orders: number;
  production: ProductionWeek | null;
  purchasing: PurchasingWeek | null;
  quality: QualityWeek | null;
}

/** A department's progress report for a week (R6.5), from the ledger's entries (`all`: every entry of the orders active in it). */
export function departmentWeeklyReport(week: IsoWeek, department: ReportDepartment, all: ReportEntry[]): DepartmentWeeklyReport {
  const own = all.filter((e) => inWeek(week, e.at) && KINDS[department].includes(e.kind));
  return {
    week: week.label,
    from: week.from,
    to: week.to,
    department,
    orders: distinct(own.map((e) => e.orderId)),
    production: department === 'PRODUCTION' ? productionWeek(own, all) : null,
    purchasing: department === 'PURCHASING' ? purchasingWeek(own) : null,
    quality: department === 'QUALITY' ? qualityWeek(own) : null,
  };
}

/** What the leadership report shows of an order beside the departments' figures (OrderOutlookSource). */
export interface OrderOutlook {
  orderId: string;
  number: string;
  customer: string;
  status: string;
  promisedDate: string | null;
  expectedDate: string | null;
}

export interface LeadershipRow extends OrderOutlook {
  /** The expected delivery is after the promised one; null while either is unknown. */
  late: boolean | null;
  entries: number;
  production: ProductionWeek;
  purchasing: PurchasingWeek;
  quality: QualityWeek;
}

export interface LeadershipWeeklyReport {
  week: string;
  from: string;
  to: string;
  orders: LeadershipRow[];
  totals: { orders: number; late: number; entries: number; production: ProductionWeek; purchasing: PurchasingWeek; quality: QualityWeek };
}

/**
 * Sales' execution report for leadership (R6.5): per order active in the week (any fact entered in it), the three
 * departments' figures for that order with its status and expected against promised delivery, and the totals.
 */
export function leadershipWeeklyReport(week: IsoWeek, all: ReportEntry[], outlooks: OrderOutlook[]): LeadershipWeeklyReport {
  const thisWeek = all.filter((e) => inWeek(week, e.at));
  const active = new Set(thisWeek.map((e) => e.orderId));
  const section = (entries: ReportEntry[], history: ReportEntry[]) => ({
    production: productionWeek(entries.filter((e) => PRODUCTION_KINDS.includes(e.kind)), history),
    purchasing: purchasingWeek(entries.filter((e) => PURCHASING_KINDS.includes(e.kind))),
    quality: qualityWeek(entries.filter((e) => QUALITY_KINDS.includes(e.kind))),
  });
  const orders = outlooks
    .filter((o) => active.has(o.orderId))
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((o): LeadershipRow => {
      const entries = thisWeek.filter((e) => e.orderId === o.orderId);
      return {
        ...o,
        late: o.promisedDate && o.expectedDate ? o.expectedDate > o.promisedDate : null,
        entries: entries.length,
        ...section(entries, all.filter((e) => e.orderId === o.orderId)),
      };
    });
  const shown = new Set(orders.map((o) => o.orderId));
  const counted = thisWeek.filter((e) => shown.has(e.orderId));
  return {
    week: week.label,
    from: week.from,
    to: week.to,
    orders,
    totals: { orders: orders.length, late: orders.filter((o) => o.late === true).length, entries: counted.length, ...section(counted, all) },
  };
}

