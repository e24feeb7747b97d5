import type { InspectionPlanItem } from '../inspection-plans/inspection-plan';
import { planChangeSummary, planItemChanges } from './inspection-plan-change';

const item = (lineNo: number, characteristic: string): InspectionPlanItem => ({ characteristic, method: 'visual', frequency: 'every lot', stage: 'FINAL', lineNo, source: 'STANDARD_PLAN' });

describe('quality impact of a change (R8.2)', () => {
  it('R8.2 names the inspection plan items a change adds and removes', () => {
    const changes = planItemChanges([item(1, 'marking of DN50'), item(1, 'quantity')], [item(1, 'marking of DN65'), item(1, 'quantity')]);
    expect(changes.added).toEqual([item(1, 'marking of DN65')]);
    expect(changes.removed).toEqual([item(1, 'marking of DN50')]);
    expect(changes.unchanged).toBe(1);
    expect(planChangeSummary(changes)).toBe('inspection plan: 1 item(s) added, 1 removed, 1 unchanged');
  });

  it('R8.2 a quantity change leaves the plan as it is', () => {
    expect(planChangeSummary(planItemChanges([item(1, 'quantity')], [item(1, 'quantity')]))).toBe('inspection plan unchanged (1 items)');
  });
});
