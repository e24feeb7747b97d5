import type { InspectionPlanItem } from '../inspection-plans/inspection-plan';

export interface PlanItemChanges {
  added: InspectionPlanItem[];
  removed: InspectionPlanItem[];
  unchanged: number;
}

const keyOf = (i: InspectionPlanItem): string => JSON.stringify([i.stage, i.lineNo, i.characteristic, i.method, i.frequency]);

/**
 * Quality's impact of a change (R8.2): the inspection plan drafted for the order as it is against the one drafted for
 * the proposed order; an item is the same when stage, line, characteristic, method and frequency are.
 */
export function planItemChanges(before: readonly InspectionPlanItem[], after: readonly InspectionPlanItem[]): PlanItemChanges {
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  return {
    added: after.filter((i) => !beforeKeys.has(keyOf(i))),
    removed: before.filter((i) => !afterKeys.has(keyOf(i))),
    unchanged: after.filter((i) => beforeKeys.has(keyOf(i))).length,
  };
}

export function planChangeSummary(c: PlanItemChanges): string {
  if (c.added.length === 0 && c.removed.length === 0) return `inspection plan unchanged (${c.unchanged} items)`;
  return `inspection plan: ${c.added.length} item(s) added, ${c.removed.length} removed, ${c.unchanged} unchanged`;
}
