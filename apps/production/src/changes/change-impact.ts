import type { Schedule } from '../plans/plan-scheduler';

export interface PlanTaskNow {
  lineNo: number;
  name: string;
  status: string;
  hours: number;
  plannedEnd: string;
}

export interface PlanImpact {
  feasible: boolean;
  summary: string;
  details: {
    planStatus: string | null;
    currentEnd: string | null;
    newEnd: string | null;
    newDeadline: string | null;
    earliestDeliveryDate: string | null;
    late: boolean;
    hoursBefore: number;
    hoursAfter: number;
    /** Tasks not done whose hours or dates move: what has to be rescheduled. */
    tasksToReschedule: { lineNo: number; name: string; hoursBefore: number; hoursAfter: number; endBefore: string; endAfter: string | null }[];
    unplannedLines: number[];
  };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Production's impact of a change (R8.2), from its own plan and capacity: the proposed order is scheduled on today's
 * free hours (`schedule`, the plan's own hours not counted); every task not yet done whose hours or end moves is to be
 * rescheduled; the change is feasible when the new schedule ends before the new deadline (delivery date minus
 * shipping time) and every line can be planned.
 */
export function planImpact(plan: { status: string; plannedEnd: string | null } | null, tasks: readonly PlanTaskNow[], schedule: Schedule): PlanImpact {
  const hoursBefore = round2(tasks.reduce((s, t) => s + t.hours, 0));
  const hoursAfter = round2(schedule.tasks.reduce((s, t) => s + t.hours, 0));
  const tasksToReschedule = tasks
    .filter((t) => t.status !== 'DONE')
    .flatMap((t) => {
      const next = schedule.tasks.find((n) => n.lineNo === t.lineNo && n.name === t.name);
      if (next && next.hours === t.hours && next.plannedEnd === t.plannedEnd) return [];
      return [{ lineNo: t.lineNo, name: t.name, hoursBefore: t.hours, hoursAfter: next?.hours ?? 0, endBefore: t.plannedEnd, endAfter: next?.plannedEnd ?? null }];
    });
  const unplannedLines = schedule.unplannedLines.map((l) => l.lineNo);
  const feasible = !schedule.late && unplannedLines.length === 0;
  const end = schedule.plannedEnd ? schedule.plannedEnd.slice(0, 10) : 'no production';
  const summary = feasible
    ? `${tasksToReschedule.length} task(s) to reschedule, ${hoursBefore} h -> ${hoursAfter} h; production ends ${end}, within the deadline ${schedule.deadline ?? '(none)'}`
    : schedule.late
      ? `late: ${hoursAfter} h end ${end}, after the deadline ${schedule.deadline}; the earliest delivery is ${schedule.earliestDeliveryDate}`
      : `lines ${unplannedLines.join(', ')} cannot be planned (no routing)`;
  return {
    feasible,
    summary,
    details: {
      planStatus: plan?.status ?? null,
      currentEnd: plan?.plannedEnd ?? null,
      newEnd: schedule.plannedEnd,
      newDeadline: schedule.deadline,
      earliestDeliveryDate: schedule.earliestDeliveryDate,
      late: schedule.late,
      hoursBefore,
      hoursAfter,
      tasksToReschedule,
      unplannedLines,
    },
  };
}

export interface TaskWork {
  name: string;
  workCentre: string;
  hours: number;
  progressPercent: number;
}

export interface CentreRate {
  labourRateMinor: bigint;
  overheadRateMinor: bigint;
  currency: string;
}

/**
 * Production's loss if the order is cancelled (R8.4): the work done so far at cost, per task its hours times its
 * progress (in hundredths of an hour, rounded down: only work done counts) at its work centre's labour and overhead
 * rates, half up to the cent. A task at a centre without rates is listed as not costed.
 */
export function workDoneAtCost(tasks: readonly TaskWork[], rates: ReadonlyMap<string, CentreRate>): { amount: bigint; currency: string | null; tasks: { name: string; hoursDone: string; cost: bigint | null }[] } {
  let amount = 0n;
  let currency: string | null = null;
  const lines = tasks
    .filter((t) => t.progressPercent > 0)
    .map((t) => {
      const hundredths = (BigInt(Math.round(t.hours * 100)) * BigInt(t.progressPercent)) / 100n;
      const rate = rates.get(t.workCentre);
      const hoursDone = `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
      if (!rate) return { name: t.name, hoursDone, cost: null };
      currency ??= rate.currency;
      const cost = (hundredths * (rate.labourRateMinor + rate.overheadRateMinor) + 50n) / 100n;
      amount += cost;
      return { name: t.name, hoursDone, cost };
    });
  return { amount, currency, tasks: lines };
}
