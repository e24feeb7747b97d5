import { materialAmount, toMinorUnits } from '@opm/contracts';
import { type CostEntry, formatBreakdown, hoursCost, materialCost, plannedFromEstimate, rollUp, toHundredthsOfHour } from './cost-rules';

const entry = (over: Partial<CostEntry>): CostEntry => ({ category: 'LABOUR', source: 'WORK_REPORT', ref: 't1', amount: 0n, currency: 'CNY', ...over });

describe('cost rules (R5.6)', () => {
  describe('hours x rate', () => {
    it('R5.6 is exact to the cent when it can be: 7.5 h at 42.00 = 315.00', () => {
      expect(hoursCost('7.5', '42.00')).toBe(31500n);
      expect(hoursCost('12', '20')).toBe(24000n);
    });

    it('R5.6 rounds each report once, half up to the cent, from the exact product', () => {
      // 0.25 h x 0.10 = 0.025 -> 0.03 (half up); 0.25 h x 0.06 = 0.015 -> 0.02; 0.33 h x 0.10 = 0.033 -> 0.03
      expect(hoursCost('0.25', '0.10')).toBe(3n);
      expect(hoursCost('0.25', '0.06')).toBe(2n);
      expect(hoursCost('0.33', '0.10')).toBe(3n);
      // 1.01 h x 33.33 = 33.6633 -> 33.66; 2.55 h x 18.35 = 46.7925 -> 46.79; 0.05 h x 0.10 = 0.005 -> 0.01
      expect(hoursCost('1.01', '33.33')).toBe(3366n);
      expect(hoursCost('2.55', '18.35')).toBe(4679n);
      expect(hoursCost('0.05', '0.10')).toBe(1n);
    });

    it('R5.6 is no float: a figure floats get wrong stays exact (1.15 h x 100.10 = 115.115 -> 115.12)', () => {
      expect(1.15 * 100.1).not.toBe(115.115);
      expect(hoursCost('1.15', '100.10')).toBe(11512n);
      // Large figures stay exact too.
      expect(hoursCost('999999.99', '9999999.99')).toBe(toMinorUnits('9999999890000.00'));
    });

    it('R5.6 refuses hours with more than 2 decimals, negative hours and negative rates', () => {
      expect(() => toHundredthsOfHour('1.005')).toThrow('at most 2 decimals');
      expect(() => toHundredthsOfHour('-1')).toThrow();
      expect(() => hoursCost('1', '-5.00')).toThrow('negative');
      expect(toHundredthsOfHour('0.5')).toBe(50n);
    });
  });

  it("R5.6 material cost is purchasing's own rule (materialAmount), to the cent", () => {
    expect(materialCost('12.5', '3.33')).toBe(toMinorUnits(materialAmount('12.5', '3.33')));
    expect(materialCost('0.125', '0.04')).toBe(1n); // 0.005 -> 0.01, half up
    expect(materialCost('40', '8.40')).toBe(33600n);
  });

  describe('roll-up and variance', () => {
    const planned = plannedFromEstimate({ materials: '504.00', labour: '210.00', overhead: '126.00', total: '840.00' });

    it('R5.6 actual per category is the sum of its entries; variance = actual - planned per category and in total', () => {
      const r = rollUp('CNY', planned, [
        entry({ category: 'LABOUR', amount: hoursCost('7.5', '20.00') }),
        entry({ category: 'OVERHEAD', amount: hoursCost('7.5', '12.00') }),
        entry({ category: 'LABOUR', ref: 't2', amount: hoursCost('2.25', '20.00') }),
        entry({ category: 'OVERHEAD', ref: 't2', amount: hoursCost('2.25', '12.00') }),
        entry({ category: 'MATERIALS', source: 'RECEIPT', ref: 'r1', amount: materialCost('40', '8.40') }),
        entry({ category: 'MATERIALS', source: 'RESERVED_STOCK', ref: 'M-1', amount: materialCost('12.5', '3.20') }),
      ]);
      expect(formatBreakdown(r.actual)).toEqual({ materials: '376.00', labour: '195.00', overhead: '117.00', total: '688.00' });
      expect(r.variance && formatBreakdown(r.variance)).toEqual({ materials: '-128.00', labour: '-15.00', overhead: '-9.00', total: '-152.00' });
      expect(r.bySource).toEqual({ WORK_REPORT: 31200n, RECEIPT: 33600n, RESERVED_STOCK: 4000n });
      expect(r.notCounted).toEqual([]);
    });

    it('R5.6 over plan is a positive variance; without a plan there is no variance, only actuals', () => {
      const over = rollUp('CNY', planned, [entry({ category: 'LABOUR', amount: 25000n })]);
      expect(over.variance?.labour).toBe(4000n);
      expect(over.variance?.total).toBe(25000n - 84000n);
      const none = rollUp('CNY', null, [entry({ amount: 100n })]);
      expect(none.variance).toBeNull();
      expect(none.actual).toEqual({ materials: 0n, labour: 100n, overhead: 0n, total: 100n });
    });

    it('R5.6 an entry in another currency or without a value is listed, never added', () => {
      const usd = entry({ category: 'MATERIALS', source: 'RECEIPT', amount: 999n, currency: 'USD' });
      const unvalued = entry({ category: 'MATERIALS', source: 'RESERVED_STOCK', amount: null, currency: null });
      const r = rollUp('CNY', planned, [usd, unvalued, entry({ amount: 500n })]);
      expect(r.actual.total).toBe(500n);
      expect(r.notCounted).toEqual([usd, unvalued]);
    });

    it("R5.6 the plan is the review's estimate as shown; one that does not add up is refused", () => {
      expect(planned).toEqual({ materials: 50400n, labour: 21000n, overhead: 12600n, total: 84000n });
      expect(() => plannedFromEstimate({ materials: '1.00', labour: '1.00', overhead: '1.00', total: '4.00' })).toThrow('do not add up');
    });
  });
});
