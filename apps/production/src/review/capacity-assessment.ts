import type { Assessment, OrderLine, ReviewOrderSnapshot } from '@opm/contracts';
import { addDays, daysBetween, lineLabel } from '@opm/contracts';
import { formatHours, hoursValue, toUnits } from '../capacity/hours';

export { formatHours } from '../capacity/hours';

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

/** Hours other orders' plans hold on one work centre on one day: a row of the load ledger, summed. */
export interface CommittedLoad {
  workCentre: string;
  date: string;
  hours: number;
  /** Numbers of the orders whose plans hold these hours. */
  orders: readonly string[];
}

export interface CapacityInput {
  order: ReviewOrderSnapshot;
  products: ReadonlyMap<string, CapacityProduct>;
  workCentres: readonly CapacityCentre[];
  /** The load ledger's days of the horizon, other orders only. */
  committed: readonly CommittedLoad[];
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
 * - Committed load: the hours other orders' production plans hold on each centre on each production day, read
 *   from the load ledger (drafted, released and in-progress plans of issued orders; a stopped or completed plan
 *   holds nothing more). Only the days of the window count: a plan whose hours fall after it does not compete.
 * - A centre is short when required > available - committed; the hours missing are exactly that difference.
 * - The earliest feasible date is the first date after the requested one (after today when none was given)
 *   at which every centre the order uses has the hours, counting the load of every day up to that date.
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
  // Load per centre and day offset from today, in units, and who holds it (the ledger's days of the horizon).
  const loadOn = new Map<string, number>();
  const holdersOn = new Map<string, Set<string>>();
  for (const l of committed) {
    if (l.date < today) continue;
    const key = `${l.workCentre}|${l.date}`;
    loadOn.set(key, (loadOn.get(key) ?? 0) + toUnits(l.hours));
    const set = holdersOn.get(key) ?? new Set<string>();
    for (const o of l.orders) set.add(o);
    holdersOn.set(key, set);
  }
  const loadUnits = (centre: string, date: string): number => loadOn.get(`${centre}|${date}`) ?? 0;

  /** Capacity of the order's centres for delivery on `date`: the production days [today, date) and their load. */
  const capacityFor = (date: string): CentreCheck[] => {
    const days = Math.max(0, daysBetween(today, date));
    return used.map((centre) => {
      let available = 0;
      let committedUnits = 0;
      const holders = new Set<string>();
      for (let i = 0; i < days; i++) {
        const day = addDays(today, i);
        available += hoursOn(centre, day);
        committedUnits += loadUnits(centre, day);
        for (const o of holdersOn.get(`${centre}|${day}`) ?? []) holders.add(o);
      }
      const need = required.get(centre) ?? 0;
      return { workCentre: centre, need, available, committed: committedUnits, short: Math.max(0, need - (available - committedUnits)), holders: [...holders].sort() };
    });
  };

  /** First date after `after` at which no centre is short, searching day by day up to `horizon` days past it. */
  const earliestFeasible = (after: string): string | null => {
    if (unknownCentres.length > 0) return null;
    const cumulative = new Map(used.map((c) => [c, 0]));
    const load = new Map(used.map((c) => [c, 0]));
    const last = Math.max(0, daysBetween(today, after)) + horizon;
    for (let d = 1; d <= last; d++) {
      const date = addDays(today, d);
      const day = addDays(today, d - 1);
      for (const c of used) {
        cumulative.set(c, (cumulative.get(c) ?? 0) + hoursOn(c, day));
        load.set(c, (load.get(c) ?? 0) + loadUnits(c, day));
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
          proposals.push(`or adjust the plan: other orders' plans hold ${formatHours(c.committed)} h of ${c.workCentre} before ${delivery} (${listed})`);
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
