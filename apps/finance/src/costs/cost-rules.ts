import { fromMinorUnits, materialAmount, toMinorUnits } from '@opm/contracts';

/** The three categories an order's cost is accounted in (R5.6). */
export const COST_CATEGORIES = ['MATERIALS', 'LABOUR', 'OVERHEAD'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** Where an actual cost came from. */
export const COST_SOURCES = ['WORK_REPORT', 'RECEIPT', 'RESERVED_STOCK'] as const;
export type CostSource = (typeof COST_SOURCES)[number];

/** Money per category in minor units (cents), with their total. */
export interface CostBreakdown {
  materials: bigint;
  labour: bigint;
  overhead: bigint;
  total: bigint;
}

/** One actual cost as finance recorded it; `amount` null when it could not be valued (no standard cost). */
export interface CostEntry {
  category: CostCategory;
  source: CostSource;
  ref: string;
  amount: bigint | null;
  currency: string | null;
}

/** Hours as production reports them ("7.25", up to 2 decimals) in hundredths of an hour: 725n. */
export function toHundredthsOfHour(hours: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(hours);
  if (!match) throw new Error(`not an hours figure with at most 2 decimals: ${JSON.stringify(hours)}`);
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/**
 * The cost of hours at an hourly rate, in minor units. THE rounding rule of cost accounting (R5.6): each work
 * report's labour and its overhead are each rounded once, half up to the cent, from the exact product
 * hours x rate (hundredths of an hour x cents per hour / 100); the order's actuals are the sums of these
 * rounded amounts, so every figure shown adds up to the cent.
 */
export function hoursCost(hours: string, ratePerHour: string): bigint {
  const rate = toMinorUnits(ratePerHour);
  if (rate < 0n) throw new Error(`a rate per hour cannot be negative: ${ratePerHour}`);
  return (toHundredthsOfHour(hours) * rate + 50n) / 100n;
}

/**
 * Material cost of a quantity at a unit price, in minor units: the rule purchasing prices its contract lines and
 * receipts with (`materialAmount`, half up to the cent), so finance's figure equals purchasing's.
 */
export function materialCost(quantity: string, unitPrice: string): bigint {
  return toMinorUnits(materialAmount(quantity, unitPrice));
}

export const ZERO_COSTS: CostBreakdown = { materials: 0n, labour: 0n, overhead: 0n, total: 0n };

function breakdown(materials: bigint, labour: bigint, overhead: bigint): CostBreakdown {
  return { materials, labour, overhead, total: materials + labour + overhead };
}

/** The review's estimate (decimal strings, as the assessment's details carry it) in minor units. */
export function plannedFromEstimate(estimate: { materials: string; labour: string; overhead: string; total: string }): CostBreakdown {
  const planned = breakdown(toMinorUnits(estimate.materials), toMinorUnits(estimate.labour), toMinorUnits(estimate.overhead));
  if (planned.total !== toMinorUnits(estimate.total)) {
    throw new Error(`the estimate's categories (${fromMinorUnits(planned.total)}) do not add up to its total ${estimate.total}`);
  }
  return planned;
}

export interface CostRollUp {
  actual: CostBreakdown;
  /** actual - planned per category; null without a plan. */
  variance: CostBreakdown | null;
  /** The counted actuals by where they came from (their sum is actual.total). */
  bySource: Record<CostSource, bigint>;
  /** Entries that could not be added: no value, or another currency than the order's (no exchange rate here). */
  notCounted: CostEntry[];
}

/**
 * Planned vs actual (R5.6): the actual per category is the sum of the order's entries in the order's currency;
 * variance = actual - planned per category (positive: over plan). An entry without a value or in another
 * currency is not added (there is nothing to convert it with) and is listed instead, so a total never mixes
 * currencies silently.
 */
export function rollUp(currency: string, planned: CostBreakdown | null, entries: readonly CostEntry[]): CostRollUp {
  const sums: Record<CostCategory, bigint> = { MATERIALS: 0n, LABOUR: 0n, OVERHEAD: 0n };
  const bySource: Record<CostSource, bigint> = { WORK_REPORT: 0n, RECEIPT: 0n, RESERVED_STOCK: 0n };
  const notCounted: CostEntry[] = [];
  for (const e of entries) {
    if (e.amount === null || e.currency !== currency) {
      notCounted.push(e);
      continue;
    }
    sums[e.category] += e.amount;
    bySource[e.source] += e.amount;
  }
  const actual = breakdown(sums.MATERIALS, sums.LABOUR, sums.OVERHEAD);
  const variance = planned
    ? breakdown(actual.materials - planned.materials, actual.labour - planned.labour, actual.overhead - planned.overhead)
    : null;
  return { actual, variance, bySource, notCounted };
}

/** Minor units as the API shows money: decimal strings. */
export function formatBreakdown(b: CostBreakdown): { materials: string; labour: string; overhead: string; total: string } {
  return { materials: fromMinorUnits(b.materials), labour: fromMinorUnits(b.labour), overhead: fromMinorUnits(b.overhead), total: fromMinorUnits(b.total) };
}
