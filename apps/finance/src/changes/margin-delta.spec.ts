import { marginDelta } from './margin-delta';

describe('finance impact of a change (R8.2)', () => {
  it('R8.2 the planned cost scales with the quantity; the margin before and after', () => {
    const d = marginDelta({ plannedCost: 80000n, quantityBefore: 10, quantityAfter: 12, revenueBefore: '1000.00', revenueAfter: '1200.00' });
    expect(d.feasible).toBe(true);
    expect(d.details).toMatchObject({ costBefore: '800.00', costAfter: '960.00', costDelta: '160.00', revenueDelta: '200.00', marginBefore: '200.00', marginAfter: '240.00', marginDelta: '40.00' });
    expect(d.summary).toBe('cost 160.00, revenue 200.00: margin 200.00 -> 240.00');
  });

  it('R8.2 a change that leaves a negative margin is infeasible; the scaled cost is half up to the cent', () => {
    const d = marginDelta({ plannedCost: 1000n, quantityBefore: 3, quantityAfter: 1, revenueBefore: '20.00', revenueAfter: '1.00' });
    expect(d.details.costAfter).toBe('3.33');
    expect(marginDelta({ plannedCost: 1001n, quantityBefore: 2, quantityAfter: 1, revenueBefore: '20.00', revenueAfter: '10.00' }).details.costAfter).toBe('5.01');
    expect(d.feasible).toBe(false);
  });

  it('R8.2 without a planned cost only the revenue is known', () => {
    const d = marginDelta({ plannedCost: null, quantityBefore: 10, quantityAfter: 12, revenueBefore: '1000.00', revenueAfter: '1200.00' });
    expect(d.feasible).toBe(true);
    expect(d.details.marginAfter).toBeNull();
  });
});
