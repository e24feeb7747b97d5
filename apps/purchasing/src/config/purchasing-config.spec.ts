import { loadPurchasingConfig } from './purchasing-config';

describe(loadPurchasingConfig.name, () => {
  it('R3.5 the order buffer defaults to 7 days; a bad value stops the start and names the variable (N6)', () => {
    expect(loadPurchasingConfig({})).toEqual({ PURCHASING_ORDER_BUFFER_DAYS: 7, PURCHASING_OVERDUE_SCAN_MS: 60_000 });
    expect(loadPurchasingConfig({ PURCHASING_ORDER_BUFFER_DAYS: '10' }).PURCHASING_ORDER_BUFFER_DAYS).toBe(10);
    expect(() => loadPurchasingConfig({ PURCHASING_ORDER_BUFFER_DAYS: 'a week' })).toThrow(/PURCHASING_ORDER_BUFFER_DAYS/);
  });

  it('R5.2 the overdue contract scan runs every minute by default; below a second is refused', () => {
    expect(loadPurchasingConfig({ PURCHASING_OVERDUE_SCAN_MS: '5000' }).PURCHASING_OVERDUE_SCAN_MS).toBe(5000);
    expect(() => loadPurchasingConfig({ PURCHASING_OVERDUE_SCAN_MS: '10' })).toThrow(/PURCHASING_OVERDUE_SCAN_MS/);
  });
});
