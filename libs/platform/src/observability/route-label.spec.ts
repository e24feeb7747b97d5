import { methodLabel, routeLabel, statusLabel, UNMATCHED_ROUTE } from './route-label';

describe('HTTP metric labels', () => {
  it('N6 issue11.4 the route label is the template, written as OpenAPI does, never the path a client sent', () => {
    expect(routeLabel('/orders/:id')).toBe('/orders/{id}');
    expect(routeLabel('/orders/:id/review/:department/opinion')).toBe('/orders/{id}/review/{department}/opinion');
    expect(routeLabel('/api/v1/orders/{id}')).toBe('/api/v1/orders/{id}');
    expect(routeLabel('/products/:code(^\\d+)')).toBe('/products/{code}');
    expect(routeLabel('/customers/')).toBe('/customers');
    expect(routeLabel('/')).toBe('/');
    expect(routeLabel('/customers?name=x')).toBe('/customers');
  });

  it('N6 issue11.4 a request that matched no route is one series, whatever its path', () => {
    expect(routeLabel(undefined)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel(null)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel('')).toBe(UNMATCHED_ROUTE);
  });

  it('N6 issue11.4 methods outside HTTP\'s own are "other", and a status outside 100-599 is "0"', () => {
    expect(methodLabel('get')).toBe('GET');
    expect(methodLabel('PATCH')).toBe('PATCH');
    expect(methodLabel('PROPFIND')).toBe('other');
    expect(methodLabel(undefined)).toBe('other');
    expect(statusLabel(201)).toBe('201');
    expect(statusLabel(99)).toBe('0');
    expect(statusLabel(undefined)).toBe('0');
  });
});
