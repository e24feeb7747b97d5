import { loadFinanceConfig } from './finance-config';

describe(loadFinanceConfig.name, () => {
  it('R3.6 the minimum margin defaults to 15% and is read in basis points', () => {
    expect(loadFinanceConfig({})).toEqual({ FINANCE_MIN_MARGIN_PERCENT: 1500, FINANCE_OVERHEAD_PERCENT: 1500, FINANCE_LABOUR_PERCENT: 2500, FINANCE_OVERDUE_SCAN_MS: 600_000, FINANCE_AGEING_BOUNDS: [30, 60, 90], FINANCE_DUNNING_DAYS: [1, 30, 60] });
    expect(loadFinanceConfig({ FINANCE_MIN_MARGIN_PERCENT: '12.5' }).FINANCE_MIN_MARGIN_PERCENT).toBe(1250);
  });

  it('N6 a bad setting stops the start and names the variable', () => {
    expect(() => loadFinanceConfig({ FINANCE_MIN_MARGIN_PERCENT: '100' })).toThrow(/FINANCE_MIN_MARGIN_PERCENT/);
    expect(() => loadFinanceConfig({ FINANCE_MIN_MARGIN_PERCENT: '0.155' })).toThrow(/FINANCE_MIN_MARGIN_PERCENT/);
    expect(() => loadFinanceConfig({ FINANCE_OVERHEAD_PERCENT: '80', FINANCE_LABOUR_PERCENT: '30' })).toThrow(/FINANCE_LABOUR_PERCENT: overhead and labour/);
  });

  it('R2.4 the overdue invoice scan runs every FINANCE_OVERDUE_SCAN_MS, at least every day and at most every second', () => {
    expect(loadFinanceConfig({ FINANCE_OVERDUE_SCAN_MS: '5000' }).FINANCE_OVERDUE_SCAN_MS).toBe(5000);
    expect(() => loadFinanceConfig({ FINANCE_OVERDUE_SCAN_MS: '10' })).toThrow(/FINANCE_OVERDUE_SCAN_MS/);
    expect(() => loadFinanceConfig({ FINANCE_OVERDUE_SCAN_MS: 'hourly' })).toThrow(/FINANCE_OVERDUE_SCAN_MS/);
  });

  it('R7.3 the ageing bounds are configurable, ascending whole days', () => {
    expect(loadFinanceConfig({ FINANCE_AGEING_BOUNDS: '15,45,120' }).FINANCE_AGEING_BOUNDS).toEqual([15, 45, 120]);
    expect(() => loadFinanceConfig({ FINANCE_AGEING_BOUNDS: '60,30' })).toThrow(/FINANCE_AGEING_BOUNDS/);
    expect(() => loadFinanceConfig({ FINANCE_AGEING_BOUNDS: '0,30' })).toThrow(/FINANCE_AGEING_BOUNDS/);
    expect(() => loadFinanceConfig({ FINANCE_AGEING_BOUNDS: '30 days' })).toThrow(/FINANCE_AGEING_BOUNDS/);
  });

  it('R7.3 the dunning days are three ascending thresholds', () => {
    expect(loadFinanceConfig({ FINANCE_DUNNING_DAYS: '7,21,45' }).FINANCE_DUNNING_DAYS).toEqual([7, 21, 45]);
    expect(() => loadFinanceConfig({ FINANCE_DUNNING_DAYS: '30,1,60' })).toThrow(/FINANCE_DUNNING_DAYS/);
    expect(() => loadFinanceConfig({ FINANCE_DUNNING_DAYS: '1,30' })).toThrow(/FINANCE_DUNNING_DAYS/);
  });
});
