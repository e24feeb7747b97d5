import type { Assessment, OrderLine, ReviewOrderSnapshot } from '@opm/contracts';
import { addDays, daysBetween, lineLabel } from '@opm/contracts';

/**
 * Hours are counted in ten-thousandths of an hour, as integers: the catalog allows 4 decimals per unit and the
 * calendar 2, so every figure is exact and "enough hours" never depends on how 0.1 + 0.2 rounds.
 */
const UNITS_PER_HOUR = 10_000;
const toUnits = (hours: number): number => Math.round(hours * UNITS_PER_HOUR);

/** 1_234_500 -> "123.45"; whole hours without decimals. */
export function formatHours(units: number): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const whole = Math.trunc(abs / UNITS_PER_HOUR);
  const fraction = String(abs % UNITS_PER_HOUR).padStart(4, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
const hoursValue = (units: number): number => Number(formatHours(units));

/** How far ahead the earliest feasible date is looked for. */
export const CAPACITY_HORIZON_DAYS = 730;

export interface CapacityProduct {
  code: string;
  capacityUse: readonly { workCentre: string; hoursPerUnit: number }[];
}

export interface CapacityCentre {
  code: string;
  hoursPerDay: number;
  /** date -> hours on that date (holiday 0, maintenance, extra shift). */
  exceptions: ReadonlyMap<string, number>;
}

/** Another order already holding capacity: its delivery date and lines (hours come from the same catalog). */
export interface CommittedOrder {
  orderId: string;
  number: string;
  deliveryDate: string;
  lines: readonly Pick<OrderLine, 'productCode' | 'quantity'>[];
}

export interface CapacityInput {
  order: ReviewOrderSnapshot;
  products: ReadonlyMap<string, CapacityProduct>;
  workCentres: readonly CapacityCentre[];
  committed: readonly CommittedOrder[];
  /** The review's "today" (ISO date): the first production day. */
  today: string;
  horizonDays?: number;
}

export interface WorkCentreCapacity {
  workCentre: string;
  requiredHours: number;
  availableHours: number;
  committedHours: number;
  /** available - committed; negative when other orders already overbook the centre. */
  freeHours: number;
  shortHours: number;
  committedOrders: string[];
}

/** One work centre's figures for one delivery date, in units. */
interface CentreCheck {
  workCentre: string;
  need: number;
  available: number;
  committed: number;
  short: number;
  /** Numbers of the other orders holding hours of this centre. */
  holders: string[];
}

function toView(c: CentreCheck): WorkCentreCapacity {
  return {
    workCentre: c.workCentre,
    requiredHours: hoursValue(c.need),
    availableHours: hoursValue(c.available),
    committedHours: hoursValue(c.committed),
    freeHours: hoursValue(c.available - c.committed),
    shortHours: hoursValue(c.short),
    committedOrders: c.holders,
  };
}

/** Hours per work centre the catalog lines of an order need (quantity x hoursPerUnit), in units. */
function requiredUnits(lines: readonly Pick<OrderLine, 'productCode' | 'quantity'>[], products: ReadonlyMap<string, CapacityProduct>): Map<string, number> {
  const need = new Map<string, number>();
  for (const line of lines) {
    const product = line.productCode ? products.get(line.productCode) : undefined;
    for (const use of product?.capacityUse ?? []) {
      need.set(use.workCentre, (need.get(use.workCentre) ?? 0) + line.quantity * toUnits(use.hoursPerUnit));
    }
  }
  return need;
}

/**
 * Production capacity (R3.3). Rules, where the policy leaves room:
 * - Production days run from today up to the day before the delivery date (the delivery day itself is for
 *   shipping). Every calendar day counts with the centre's hoursPerDay unless the calendar has an exception
 *   for that date (holidays, maintenance, extra shifts are all entered as exceptions); weekends are not special.
 * - Committed load: the hours of other orders delivering within the window (today up to and including the
 *   delivery date), all counted inside the window. Which orders those are is the caller's business (see
 *   ProductionCapacityAssessor: until issued orders exist, orders under or past a positive production review).
 * - A centre is short when required > available - committed; the hours missing are exactly that difference.
 * - The earliest feasible date is the first date after the requested one (after today when none was given)
 *   at which every centre the order uses has the hours, counting then the orders committed up to that date.
 * - Lines without catalog hours (free text, unknown product) make the assessment unclear: their load is unknown.
 */
export function capacityAssessment(input: CapacityInput): Assessment {
  const { order, products, workCentres, committed, today } = input;
  const horizon = input.horizonDays ?? CAPACITY_HORIZON_DAYS;
  const centres = new Map(workCentres.map((c) => [c.code, c]));
  const reasons: string[] = [];
  const proposals: string[] = [];

  const unknownLines = order.lines.filter((l) => !l.productCode || !products.has(l.productCode));
  for (const line of unknownLines) {
    reasons.push(
      line.productCode
        ? `${lineLabel(line)}: ${line.productCode} is not in the catalog, so its hours are unknown`
        : `${lineLabel(line)} is not a catalog product: its hours are unknown`,
    );
    proposals.push(`production planning to estimate the hours of ${lineLabel(line)} once engineering has defined it`);
  }

  const required = requiredUnits(order.lines, products);
  const used = [...required.keys()].sort();
  const unknownCentres = used.filter((c) => !centres.has(c));
  for (const c of unknownCentres) {
    reasons.push(`work centre ${c} in the catalog's capacity use is not on file: no capacity known`);
    proposals.push(`production to set up work centre ${c} with its calendar, or correct the products' capacity use`);
  }

  const hoursOn = (centre: string, date: string): number => {
    const c = centres.get(centre);
    if (!c) return 0;
    return toUnits(c.exceptions.get(date) ?? c.hoursPerDay);
  };
  const committedLoad = committed
    .filter((o) => o.orderId !== order.orderId && o.deliveryDate >= today)
    .map((o) => ({ ...o, need: requiredUnits(o.lines, products) }))
    .sort((a, b) => a.deliveryDate.localeCompare(b.deliveryDate));

  /** Capacity of the order's centres for delivery on `date`: days [today, date), orders delivering in [today, date]. */
  const capacityFor = (date: string): CentreCheck[] => {
    const days = Math.max(0, daysBetween(today, date));
    const inWindow = committedLoad.filter((o) => o.deliveryDate <= date);
    return used.map((centre) => {
      let available = 0;
      for (let i = 0; i < days; i++) available += hoursOn(centre, addDays(today, i));
      const holders = inWindow.filter((o) => (o.need.get(centre) ?? 0) > 0);
      const committedUnits = holders.reduce((sum, o) => sum + (o.need.get(centre) ?? 0), 0);
      const need = required.get(centre) ?? 0;
      return { workCentre: centre, need, available, committed: committedUnits, short: Math.max(0, need - (available - committedUnits)), holders: holders.map((o) => o.number) };
    });
  };

  /** First date after `after` at which no centre is short, searching day by day up to `horizon` days past it. */
  const earliestFeasible = (after: string): string | null => {
    if (unknownCentres.length > 0) return null;
    const cumulative = new Map(used.map((c) => [c, 0]));
    const load = new Map(used.map((c) => [c, 0]));
    let next = 0;
    const last = Math.max(0, daysBetween(today, after)) + horizon;
    for (let d = 1; d <= last; d++) {
      const date = addDays(today, d);
      for (const c of used) cumulative.set(c, (cumulative.get(c) ?? 0) + hoursOn(c, addDays(today, d - 1)));
      while (next < committedLoad.length && committedLoad[next].deliveryDate <= date) {
        for (const c of used) load.set(c, (load.get(c) ?? 0) + (committedLoad[next].need.get(c) ?? 0));
        next++;
      }
      if (date <= after) continue;
      if (used.every((c) => (cumulative.get(c) ?? 0) - (load.get(c) ?? 0) >= (required.get(c) ?? 0))) return date;
    }
    return null;
  };

  const delivery = order.deliveryDate;
  const lastDay = delivery ? addDays(delivery, -1) : null;
  const checks = delivery ? capacityFor(delivery) : [];
  const shortCentres = checks.filter((c) => c.short > 0 && !unknownCentres.includes(c.workCentre));
  const pastDate = delivery !== null && delivery <= today;
  let earliest: string | null = null;

  if (!delivery) {
    reasons.push('no delivery date requested: capacity cannot be checked against a date');
    earliest = used.length > 0 ? earliestFeasible(today) : null;
    proposals.push(
      earliest
        ? `sales to agree a delivery date with the customer: at the current load the catalog lines can be delivered from ${earliest}`
        : 'sales to agree a delivery date with the customer',
    );
  } else {
    if (pastDate) reasons.push(`the delivery date ${delivery} is not after today (${today}): no production days are left`);
    const window = pastDate ? 'before the delivery date' : `between ${today} and ${lastDay}`;
    for (const c of checks) {
      if (unknownCentres.includes(c.workCentre)) continue;
      const others = c.holders.length;
      const committedText = others > 0 ? `; ${formatHours(c.committed)} h committed to ${others} other order${others > 1 ? 's' : ''}` : '';
      const figures = `${formatHours(c.available - c.committed)} h free ${window} (${formatHours(c.available)} h available${committedText})`;
      reasons.push(
        c.short > 0
          ? `${c.workCentre}: ${formatHours(c.need)} h needed but only ${figures}: ${formatHours(c.short)} h short`
          : `${c.workCentre}: ${formatHours(c.need)} h needed, ${figures}`,
      );
    }
    if (shortCentres.length > 0) {
      earliest = earliestFeasible(delivery);
      proposals.push(
        earliest
          ? `deliver on ${earliest} instead of ${delivery}: the earliest date by which every work centre has the hours at the current load`
          : `no feasible delivery date within ${horizon} days after ${delivery} at the current calendar and load: capacity must be added`,
      );
      for (const c of shortCentres) {
        proposals.push(`add ${formatHours(c.short)} h of ${c.workCentre} (overtime or a second shift) before ${delivery}`);
        if (c.holders.length > 0) {
          const listed = c.holders.slice(0, 5).join(', ') + (c.holders.length > 5 ? ', ...' : '');
          proposals.push(`or adjust the plan: other orders delivering by ${delivery} hold ${formatHours(c.committed)} h of ${c.workCentre} (${listed})`);
        }
      }
    } else if (pastDate) {
      proposals.push(`sales to agree a delivery date after ${today} with the customer`);
    }
  }

  const clear = delivery !== null && !pastDate && shortCentres.length === 0 && unknownLines.length === 0 && unknownCentres.length === 0;
  const summary = clear
    ? used.length > 0
      ? `capacity available: every work centre has the hours by ${delivery} at the current load`
      : 'no work-centre hours needed'
    : [
        ...(!delivery ? ['no delivery date'] : []),
        ...(pastDate ? [`delivery date ${delivery} not after today`] : []),
        ...(shortCentres.length > 0 ? [`capacity short at ${shortCentres.map((c) => `${c.workCentre} (${formatHours(c.short)} h)`).join(', ')}`] : []),
        ...(earliest ? [`earliest feasible delivery ${earliest}`] : []),
        ...(unknownLines.length > 0 ? [`hours unknown for line${unknownLines.length > 1 ? 's' : ''} ${unknownLines.map((l) => l.lineNo).join(', ')}`] : []),
        ...(unknownCentres.length > 0 ? [`work centre${unknownCentres.length > 1 ? 's' : ''} ${unknownCentres.join(', ')} not on file`] : []),
      ].join('; ');

  return {
    clear,
    summary,
    reasons,
    proposals,
    details: {
      today,
      deliveryDate: delivery,
      productionDays: delivery && delivery > today ? { from: today, to: lastDay } : null,
      perWorkCentre: checks.map(toView),
      earliestFeasibleDate: earliest,
      unknownLines: unknownLines.map((l) => l.lineNo),
    },
  };
}
