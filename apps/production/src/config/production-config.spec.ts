import { loadProductionConfig } from './production-config';

describe(loadProductionConfig.name, () => {
  it('R5.1 shipping time defaults to 3 days; a bad value stops the start and names the variable (N6)', () => {
    expect(loadProductionConfig({})).toEqual({ PRODUCTION_SHIPPING_DAYS: 3 });
    expect(loadProductionConfig({ PRODUCTION_SHIPPING_DAYS: '10' }).PRODUCTION_SHIPPING_DAYS).toBe(10);
    expect(() => loadProductionConfig({ PRODUCTION_SHIPPING_DAYS: 'a week' })).toThrow(/PRODUCTION_SHIPPING_DAYS/);
  });
});
