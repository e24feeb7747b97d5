import { addDays } from '@opm/contracts';
import { hoursValue, toUnits } from '../capacity/hours';

export interface SchedulerProduct {
  code: string;
  name: string;
  /** The routing: the work centres a unit passes through, in this order, and the hours it takes at each. */
  capacityUse: readonly { workCentre: string; hoursPerUnit: number }[];
}

export interface SchedulerCentre {
  code: string;
  hoursPerDay: number;
  /** date -> hours on that date (holiday 0, maintenance, extra shift). */
  exceptions: ReadonlyMap<string, number>;
  staff: number;
  equipment: readonly string[];
}

export interface SchedulerLine {
  lineNo: number;
  productCode: string | null;
  productName: string | null;
  quantity: number;
}

export interface ScheduleInput {
  lines: readonly SchedulerLine[];
  products: ReadonlyMap<string, SchedulerProduct>;
  centres: readonly SchedulerCentre[];
  /** Hours other plans already hold, from the load ledger: work centre -> date -> hours. */
  committed: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** The first production day (ISO date). */
  today: string;
  /** The promised delivery date; null when the order has none. */
  deliveryDate: string | null;
  /** Days between the end of production and delivery (transport). */
  shippingDays: number;
  horizonDays?: number;
}

export interface DayAllocation {
  workCentre: string;
  date: string;
  hours: number;
}

export interface ScheduledTask {
  seq: number;
  lineNo: number;
  name: string;
  workCentre: string;
  hours: number;
  staffCount: number;
  equipment: string[];
  startDay: string;
  endDay: string;
  /** Start of the first day the task has hours on (UTC midnight). */
  plannedStart: string;
  /** End of the last day the task has hours on (the next UTC midnight). */
  plannedEnd: string;
  allocations: DayAllocation[];
}

export interface UnplannedLine {
  lineNo: number;
  reason: string;
}

export interface Schedule {
  tasks: ScheduledTask[];
  /** The hours the plan holds per work centre and day: what the load ledger records. */
  allocations: DayAllocation[];
  lastDay: string | null;
  plannedEnd: string | null;
  /** Production must end before this day (delivery date minus shipping time); null without a delivery date. */
  deadline: string | null;
  late: boolean;
  /** The delivery date the schedule can make: the day after the last production day plus shipping time. */
  earliestDeliveryDate: string | null;
  unplannedLines: UnplannedLine[];
}

/** How far ahead free capacity is looked for. */
export const SCHEDULE_HORIZON_DAYS = 730;

const midnight = (day: string): string => `${day}T00:00:00.000Z`;

/**
 * Forward scheduling of an issued order's plan (R5.1). Rules, where the policy leaves room:
 * - One task per line and routing step (the product's capacity use, in its order): quantity x hours per unit on
 *   that work centre. Lines are planned in line order, each taking the earliest free hours; a line's next step
 *   starts the day after its previous step ends (a lot moves on once the step is finished).
 * - Free hours on a day = the centre's hours that day (its calendar exception, else hoursPerDay) minus what other
 *   plans hold that day (the ledger) minus what this plan already took. A task takes them day by day until its
 *   hours are covered; it starts on its first day with hours and ends on its last.
 * - The plan must end before the promised delivery date minus shipping time; one that cannot is flagged late
 *   with the delivery date it can make (its last day + 1 + shipping days). It is still drafted on the earliest hours.
 * - Lines without catalog hours (free text, unknown product or work centre) or that find no free hours within the
 *   horizon get no task: they are listed as unplanned for the planner to deal with.
 */
export function scheduleForward(input: ScheduleInput): Schedule {
  const horizon = input.horizonDays ?? SCHEDULE_HORIZON_DAYS;
  const centres = new Map(input.centres.map((c) => [c.code, c]));
  const taken = new Map<string, number>(); // `${centre}|${date}` -> units this plan holds
  const tasks: ScheduledTask[] = [];
  const unplannedLines: UnplannedLine[] = [];
  const lastHorizonDay = addDays(input.today, horizon - 1);

  const freeUnits = (centre: SchedulerCentre, date: string, own: Map<string, number>): number => {
    const available = toUnits(centre.exceptions.get(date) ?? centre.hoursPerDay);
    const committed = toUnits(input.committed.get(centre.code)?.get(date) ?? 0);
    const key = `${centre.code}|${date}`;
    return available - committed - (taken.get(key) ?? 0) - (own.get(key) ?? 0);
  };

  for (const line of [...input.lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const product = line.productCode ? input.products.get(line.productCode) : undefined;
    if (!product || product.capacityUse.length === 0) {
      unplannedLines.push({ lineNo: line.lineNo, reason: line.productCode ? `${line.productCode} has no catalog hours` : 'not a catalog product: hours unknown' });
      continue;
    }
    const missing = product.capacityUse.find((u) => !centres.has(u.workCentre));
    if (missing) {
      unplannedLines.push({ lineNo: line.lineNo, reason: `work centre ${missing.workCentre} is not on file` });
      continue;
    }
    // A line is planned whole or not at all: its hours are kept apart until every step found its days.
    const own = new Map<string, number>();
    const lineTasks: ScheduledTask[] = [];
    let cursor = input.today;
    let failed: string | null = null;
    for (const use of product.capacityUse) {
      const centre = centres.get(use.workCentre) as SchedulerCentre;
      let remaining = line.quantity * toUnits(use.hoursPerUnit);
      if (remaining === 0) continue;
      const need = remaining;
      const allocations: DayAllocation[] = [];
      for (let day = cursor; remaining > 0; day = addDays(day, 1)) {
        if (day > lastHorizonDay) {
          failed = `no free hours of ${centre.code} within ${horizon} days`;
          break;
        }
        const free = freeUnits(centre, day, own);
        if (free <= 0) continue;
        const take = Math.min(free, remaining);
        remaining -= take;
        own.set(`${centre.code}|${day}`, (own.get(`${centre.code}|${day}`) ?? 0) + take);
        allocations.push({ workCentre: centre.code, date: day, hours: hoursValue(take) });
      }
      if (failed) break;
      const startDay = allocations[0].date;
      const endDay = allocations[allocations.length - 1].date;
      lineTasks.push({
        seq: 0,
        lineNo: line.lineNo,
        name: `line ${line.lineNo} ${product.code} ${product.name}: ${centre.code}`,
        workCentre: centre.code,
        hours: hoursValue(need),
        staffCount: centre.staff,
        equipment: [...centre.equipment],
        startDay,
        endDay,
        plannedStart: midnight(startDay),
        plannedEnd: midnight(addDays(endDay, 1)),
        allocations,
      });
      cursor = addDays(endDay, 1);
    }
    if (failed) {
      unplannedLines.push({ lineNo: line.lineNo, reason: failed });
      continue;
    }
    for (const [key, units] of own) taken.set(key, (taken.get(key) ?? 0) + units);
    tasks.push(...lineTasks);
  }
  tasks.forEach((t, i) => (t.seq = i + 1));

  const allocations = [...taken.entries()]
    .map(([key, units]) => {
      const [workCentre, date] = key.split('|');
      return { workCentre, date, hours: hoursValue(units) };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.workCentre.localeCompare(b.workCentre));
  const lastDay = tasks.reduce<string | null>((last, t) => (last === null || t.endDay > last ? t.endDay : last), null);
  const deadline = input.deliveryDate ? addDays(input.deliveryDate, -input.shippingDays) : null;
  return {
    tasks,
    allocations,
    lastDay,
    plannedEnd: lastDay ? midnight(addDays(lastDay, 1)) : null,
    deadline,
    late: lastDay !== null && deadline !== null && lastDay >= deadline,
    earliestDeliveryDate: lastDay ? addDays(lastDay, 1 + input.shippingDays) : null,
    unplannedLines,
  };
}
