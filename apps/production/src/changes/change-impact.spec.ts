import { scheduleForward, type SchedulerProduct } from '../plans/plan-scheduler';
import { planImpact, workDoneAtCost } from './change-impact';

const products = new Map<string, SchedulerProduct>([['P-100', { code: 'P-100', name: 'Steel flange', capacityUse: [{ workCentre: 'MACHINING', hoursPerUnit: 1 }] }]]);
const centres = [{ code: 'MACHINING', hoursPerDay: 8, exceptions: new Map(), staff: 2, equipment: ['lathe'] }];
const schedule = (quantity: number, deliveryDate: string) =>
  scheduleForward({ lines: [{ lineNo: 1, productCode: 'P-100', productName: null, quantity }], products, centres, committed: new Map(), today: '2026-12-01', deliveryDate, shippingDays: 2 });

describe('production impact of a change (R8.2)', () => {
  const now = schedule(16, '2026-12-20');
  const tasks = now.tasks.map((t) => ({ lineNo: t.lineNo, name: t.name, status: 'PLANNED', hours: t.hours, plannedEnd: t.plannedEnd }));
  const plan = { status: 'RELEASED', plannedEnd: now.plannedEnd };

  it('R8.2 more quantity: the task to reschedule with its hours and end, feasible within the new deadline', () => {
    const impact = planImpact(plan, tasks, schedule(24, '2026-12-20'));
    expect(impact.feasible).toBe(true);
    expect(impact.details.hoursBefore).toBe(16);
    expect(impact.details.hoursAfter).toBe(24);
    expect(impact.details.tasksToReschedule).toEqual([expect.objectContaining({ lineNo: 1, hoursBefore: 16, hoursAfter: 24, endBefore: '2026-12-03T00:00:00.000Z', endAfter: '2026-12-04T00:00:00.000Z' })]);
    expect(impact.summary).toContain('1 task(s) to reschedule, 16 h -> 24 h');
  });

  it('R8.2 a delivery date the capacity cannot make is infeasible, with the earliest possible delivery', () => {
    const impact = planImpact(plan, tasks, schedule(80, '2026-12-05'));
    expect(impact.feasible).toBe(false);
    expect(impact.details.late).toBe(true);
    expect(impact.summary).toMatch(/^late: 80 h end 2026-12-11, after the deadline 2026-12-03; the earliest delivery is 2026-12-13$/);
  });

  it('R8.2 a task already done is not rescheduled; an unchanged task is not either', () => {
    expect(planImpact(plan, tasks.map((t) => ({ ...t, status: 'DONE' })), schedule(24, '2026-12-20')).details.tasksToReschedule).toEqual([]);
    expect(planImpact(plan, tasks, schedule(16, '2026-12-30')).details.tasksToReschedule).toEqual([]);
  });
});

describe('production loss of a cancellation (R8.4)', () => {
  const rates = new Map([['MACHINING', { labourRateMinor: 6000n, overheadRateMinor: 2500n, currency: 'CNY' }]]);

  it('R8.4 the work done at cost: hours x progress at the centre labour and overhead rates, half up to the cent', () => {
    const work = workDoneAtCost(
      [
        { name: 'Turn', workCentre: 'MACHINING', hours: 20, progressPercent: 40 }, // 8 h x 85.00
        { name: 'Drill', workCentre: 'MACHINING', hours: 0.33, progressPercent: 50 }, // 0.16 h x 85.00 = 13.60
        { name: 'Pack', workCentre: 'MACHINING', hours: 5, progressPercent: 0 },
      ],
      rates,
    );
    expect(work.amount).toBe(68000n + 1360n);
    expect(work.currency).toBe('CNY');
    expect(work.tasks).toEqual([
      { name: 'Turn', hoursDone: '8.00', cost: 68000n },
      { name: 'Drill', hoursDone: '0.16', cost: 1360n },
    ]);
  });

  it('R8.4 a centre without rates is listed, not costed', () => {
    expect(workDoneAtCost([{ name: 'Weld', workCentre: 'WELDING', hours: 2, progressPercent: 100 }], rates)).toEqual({ amount: 0n, currency: null, tasks: [{ name: 'Weld', hoursDone: '2.00', cost: null }] });
  });
});
