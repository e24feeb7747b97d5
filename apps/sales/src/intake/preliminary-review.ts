import { addDays, fromMinorUnits, toMinorUnits } from '@opm/contracts';
import type { PreliminaryCheck, PreliminaryReview } from '../lifecycle/order-records';

export type { CheckName, CheckResult, PreliminaryCheck, PreliminaryReview } from '../lifecycle/order-records';

export interface ReviewedOrder {
  orderDate: string;
  deliveryDate: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  deliveryPlace: string | null;
  paymentTerms: string | null;
  currency: string;
  totalAmount: string;
  lines: { lineNo: number; productCode: string | null }[];
}

/** Sales' read copy of finance's credit account (finance owns it). */
export interface CreditStanding {
  creditLimit: string | null;
  currency: string;
  openInvoiceAmount: string;
  overdueAmount: string;
}

export interface CatalogEntry {
  code: string;
  leadTimeDays: number;
  active: boolean;
}

export interface ReviewContext {
  credit: CreditStanding | null;
  /** Sales' own open orders of this customer, other than this one (sales owns orders, so this is exact). */
  otherOpenOrdersAmount: string;
  catalog: ReadonlyMap<string, CatalogEntry>;
  today: string;
  /**
   * Sales has waited long enough for finance's credit standing (INTAKE_CREDIT_WAIT_SECONDS): a standing still
   * unknown, or without a limit, now fails the check. Before that it is pending, never poor credit.
   */
  creditWaitOver: boolean;
  /** When the order started waiting for the credit standing (kept across re-runs while it waits). */
  waitingSince?: string | null;
}

/** The items the policy needs before review can start (R2.2, R2.5), in the order sales asks for them. */
export const REQUIRED_ITEMS = ['contactPerson', 'contactPhone', 'deliveryDate', 'deliveryPlace', 'paymentTerms'] as const;

function completeness(order: ReviewedOrder): { check: PreliminaryCheck; missing: string[] } {
  const missing = REQUIRED_ITEMS.filter((item) => {
    const value = order[item];
    return value === null || value.trim() === '';
  });
  return {
    missing,
    check: {
      check: 'COMPLETENESS',
      result: missing.length ? 'FAIL' : 'PASS',
      reasons: missing.length ? missing.map((m) => `${m} is missing`) : ['all required information is present'],
    },
  };
}

function credit(order: ReviewedOrder, ctx: ReviewContext): PreliminaryCheck {
  const c = ctx.credit;
  const fail = (...reasons: string[]): PreliminaryCheck => ({ check: 'CREDIT', result: 'FAIL', reasons });
  if (!c || c.creditLimit === null) {
    if (ctx.creditWaitOver) return fail('finance has set no credit limit for this customer');
    return {
      check: 'CREDIT',
      result: 'PENDING',
      reasons: [c ? "finance's credit limit for this customer has not reached sales yet" : "finance's credit account for this customer has not reached sales yet"],
    };
  }
  if (c.currency !== order.currency) return fail(`the credit limit is in ${c.currency} but the order is in ${order.currency}`);
  const reasons: string[] = [];
  const overdue = toMinorUnits(c.overdueAmount);
  if (overdue > 0n) reasons.push(`overdue debt of ${c.overdueAmount} ${c.currency}`);
  const exposure = toMinorUnits(c.openInvoiceAmount) + toMinorUnits(ctx.otherOpenOrdersAmount);
  const limit = toMinorUnits(c.creditLimit);
  const total = exposure + toMinorUnits(order.totalAmount);
  if (total > limit) {
    reasons.push(
      `exposure ${fromMinorUnits(exposure)} + this order ${order.totalAmount} = ${fromMinorUnits(total)} exceeds the credit limit ${c.creditLimit} ${c.currency}`,
    );
  }
  if (reasons.length) return fail(...reasons);
  return { check: 'CREDIT', result: 'PASS', reasons: [`within the credit limit: ${fromMinorUnits(limit - total)} ${c.currency} left after this order`] };
}

function deliveryDate(order: ReviewedOrder, ctx: ReviewContext): { check: PreliminaryCheck; freeText: number[] } {
  const freeText = order.lines.filter((l) => l.productCode === null).map((l) => l.lineNo);
  const notes = freeText.map((n) => `line ${n}: not a catalog product; technical review must confirm feasibility and lead time`);
  if (!order.deliveryDate) return { freeText, check: { check: 'DELIVERY_DATE', result: 'FAIL', reasons: ['no delivery date requested', ...notes] } };
  const problems: string[] = [];
  const start = order.orderDate > ctx.today ? order.orderDate : ctx.today;
  if (order.deliveryDate < order.orderDate) problems.push(`delivery date ${order.deliveryDate} is before the order date ${order.orderDate}`);
  for (const line of order.lines) {
    if (line.productCode === null) continue;
    const product = ctx.catalog.get(line.productCode);
    if (!product) {
      problems.push(`line ${line.lineNo}: product ${line.productCode} is not in the catalog`);
      continue;
    }
    if (!product.active) problems.push(`line ${line.lineNo}: product ${line.productCode} is no longer offered`);
    const earliest = addDays(start, product.leadTimeDays);
    if (order.deliveryDate < earliest) {
      problems.push(
        `line ${line.lineNo}: ${line.productCode} needs ${product.leadTimeDays} days; earliest delivery ${earliest}, requested ${order.deliveryDate}`,
      );
    }
  }
  return {
    freeText,
    check: problems.length
      ? { check: 'DELIVERY_DATE', result: 'FAIL', reasons: [...problems, ...notes] }
      : { check: 'DELIVERY_DATE', result: 'PASS', reasons: [`delivery on ${order.deliveryDate} is feasible within catalog lead times`, ...notes] },
  };
}

/**
 * R2.4-R2.6: incomplete -> wait for the customer's information; a check that cannot be decided yet (credit
 * standing not known to sales) -> the order waits in RECEIVED and the review runs again when it can; poor
 * credit or an over-tight date -> management decides; all clear -> department review. Every check runs, so
 * sales sees all reasons at once, and management is never sent an escalation that rests on missing data.
 */
export function runPreliminaryReview(order: ReviewedOrder, ctx: ReviewContext, now = new Date()): PreliminaryReview {
  const c = completeness(order);
  const d = deliveryDate(order, ctx);
  const checks = [c.check, credit(order, ctx), d.check];
  const outcome = c.missing.length
    ? 'AWAITING_INFO'
    : checks.some((x) => x.result === 'PENDING')
      ? 'PENDING'
      : checks.some((x) => x.result === 'FAIL')
        ? 'ESCALATED'
        : 'UNDER_REVIEW';
  const ranAt = now.toISOString();
  return {
    checks,
    missing: c.missing,
    needsTechnicalReview: d.freeText,
    outcome,
    ranAt,
    waitingSince: checks.some((x) => x.result === 'PENDING') ? (ctx.waitingSince ?? ranAt) : null,
  };
}
