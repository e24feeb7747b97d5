import { serviceForPath } from './routes';

describe(serviceForPath.name, () => {
  it('R1.3 routes each department path to the service that owns it', () => {
    expect(serviceForPath('/production/orders/1')).toBe('production');
    expect(serviceForPath('/logistics/shipments?x=1')).toBe('logistics');
    expect(serviceForPath('/products')).toBe('production');
    expect(serviceForPath('/orders/1/review')).toBe('sales');
    expect(serviceForPath('/customers')).toBe('sales');
    expect(serviceForPath('/productionx')).toBe('sales');
    expect(serviceForPath('/customers/3f1c/credit')).toBe('finance');
    expect(serviceForPath('/customers/3f1c')).toBe('sales');
    expect(serviceForPath('/customers/3f1c/creditors')).toBe('sales');
    expect(serviceForPath('/orders/9a/review/TECHNICAL/opinion')).toBe('production');
    expect(serviceForPath('/orders/9a/review/quality/opinion')).toBe('quality');
    expect(serviceForPath('/orders/9a/review/FINANCE/opinion')).toBe('finance');
    expect(serviceForPath('/orders/9a/review/panel/conclusion')).toBe('sales');
    expect(serviceForPath('/orders/9a/review')).toBe('sales');
  });
});
