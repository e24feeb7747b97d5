import { SERVICES, ServiceName } from '@opm/contracts';
import { DECLARED_OPERATIONS, declaredDocuments, openApiDocument } from '../../test/support/declared-operations';
import { RouteTable } from './route-table';

const table = RouteTable.fromDocuments(declaredDocuments());
const owner = (method: string, path: string) => {
  const found = table.lookup(method, path);
  return found.kind === 'found' ? found.service : found.kind;
};

describe(RouteTable.name, () => {
  it('R1.3 routes each path to the service that declares it (the cases the hand-written table had)', () => {
    expect(owner('GET', '/production/orders/1')).toBe('production');
    expect(owner('GET', '/logistics/orders/1?x=1')).toBe('logistics');
    expect(owner('GET', '/products')).toBe('production');
    expect(owner('POST', '/products')).toBe('production');
    expect(owner('GET', '/work-centres/PAINTING')).toBe('production');
    expect(owner('GET', '/suppliers/SUP-1')).toBe('purchasing');
    expect(owner('GET', '/orders/1/review')).toBe('sales');
    expect(owner('GET', '/customers')).toBe('sales');
    expect(owner('GET', '/customers/3f1c/credit')).toBe('finance');
    expect(owner('PUT', '/customers/3f1c/credit')).toBe('finance');
    expect(owner('GET', '/customers/3f1c')).toBe('sales');
    expect(owner('POST', '/orders/9a/review/TECHNICAL/opinion')).toBe('production');
    expect(owner('POST', '/orders/9a/review/PRODUCTION/opinion')).toBe('production');
    expect(owner('POST', '/orders/9a/review/quality/opinion')).toBe('quality');
    expect(owner('POST', '/orders/9a/review/Purchasing/opinion')).toBe('purchasing');
    expect(owner('POST', '/orders/9a/review/FINANCE/opinion')).toBe('finance');
    expect(owner('POST', '/orders/9a/review/panel/conclusion')).toBe('sales');
    expect(owner('PATCH', '/orders/9a')).toBe('sales');
    // Paths the old table sent to sales, which had no such route: now the gateway's own 404.
    expect(owner('GET', '/productionx')).toBe('not-found');
    expect(owner('GET', '/customers/3f1c/creditors')).toBe('not-found');
    expect(owner('GET', '/logistics/shipments')).toBe('not-found');
  });

  it('R1.3 every operation a service declares goes to that service, but those all of them declare alike', () => {
    // A department a service reviews for (the technical review is production's); any value for other parameters.
    const sample = (service: ServiceName, template: string) =>
      template.replace(/\{([^}]+)\}/g, (_m, name: string) => (name !== 'department' ? 'x-1' : service === 'production' ? 'TECHNICAL' : service));
    for (const [service, paths] of Object.entries(DECLARED_OPERATIONS) as [ServiceName, Record<string, string[]>][]) {
      for (const [template, methods] of Object.entries(paths)) {
        for (const method of methods) {
          const expected = template.startsWith('/audit/') ? 'sales' : service;
          expect({ route: `${method} ${template}`, owner: owner(method.toUpperCase(), sample(service, template)) }).toEqual({ route: `${method} ${template}`, owner: expected });
        }
      }
    }
    expect(table.shared).toEqual([
      `GET /audit/orders/{orderId} (${SERVICES.join(', ')}: sales answers)`,
      `GET /audit/verify (${SERVICES.join(', ')}: sales answers)`,
    ]);
  });

  it('N1 a resource a service adds is routed with no change to the gateway', () => {
    const documents = declaredDocuments();
    documents.set('production', openApiDocument({ ...DECLARED_OPERATIONS.production, '/production/plans': ['get', 'post'], '/production/plans/{id}': ['get'] }));
    documents.set('sales', openApiDocument({ ...DECLARED_OPERATIONS.sales, '/archive/query-requests': ['post'] }));
    const grown = RouteTable.fromDocuments(documents);
    expect(grown.lookup('POST', '/production/plans')).toMatchObject({ kind: 'found', service: 'production' });
    expect(grown.lookup('GET', '/production/plans/7')).toMatchObject({ kind: 'found', service: 'production', template: '/production/plans/{id}' });
    expect(grown.lookup('POST', '/archive/query-requests')).toMatchObject({ kind: 'found', service: 'sales' });
  });

  it('prefers literal segments over parameters at the first segment where two templates differ, per method', () => {
    const routes = RouteTable.fromDocuments(
      new Map([
        ['sales', openApiDocument({ '/things/{id}': ['get', 'delete'], '/a/{x}/c': ['get'] })],
        ['production', openApiDocument({ '/things/special': ['get'], '/a/b/{y}': ['get'], '/things/posted': ['post'] })],
      ]),
    );
    expect(routes.lookup('GET', '/things/special')).toMatchObject({ service: 'production' });
    expect(routes.lookup('GET', '/things/other')).toMatchObject({ service: 'sales' });
    expect(routes.lookup('DELETE', '/things/special')).toMatchObject({ service: 'sales' });
    expect(routes.lookup('GET', '/a/b/c')).toMatchObject({ service: 'production' });
    expect(routes.lookup('GET', '/a/z/c')).toMatchObject({ service: 'sales' });
    // As the services' own routers do: the method chooses first, so a GET of a POST-only literal is the parameter's.
    expect(routes.lookup('GET', '/things/posted')).toMatchObject({ service: 'sales' });
  });

  it('tells apart services declaring one operation by the values each lists for a path parameter (its enum)', () => {
    const routes = RouteTable.fromDocuments(
      new Map([
        ['production', openApiDocument({ '/orders/{id}/review/{department}/opinion': ['post'] }, { department: ['TECHNICAL'] })],
        ['quality', openApiDocument({ '/orders/{id}/review/{department}/opinion': ['post'] }, { department: ['QUALITY', 'PRODUCTION'] })],
      ]),
    );
    expect(routes.lookup('POST', '/orders/1/review/technical/opinion')).toMatchObject({ service: 'production' });
    expect(routes.lookup('POST', '/orders/1/review/PRODUCTION/opinion')).toMatchObject({ service: 'quality' });
    expect(routes.lookup('POST', '/orders/1/review/FINANCE/opinion')).toEqual({ kind: 'not-found' });
    expect(routes.shared).toEqual([]);
  });

  it('a declared path with another method is 405 with the methods it takes (HEAD wherever GET)', () => {
    expect(table.lookup('DELETE', '/orders')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'POST', 'HEAD'] });
    expect(table.lookup('PATCH', '/customers/1/credit')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'PUT', 'HEAD'] });
    expect(table.lookup('GET', '/orders/1/issue')).toEqual({ kind: 'method-not-allowed', allow: ['POST'] });
    expect(table.lookup('HEAD', '/products')).toMatchObject({ kind: 'found', service: 'production' });
  });

  it('a path nobody declares is not found: unknown, trailing slash, empty segment, a department nobody reviews for, a probe', () => {
    for (const path of ['/no-such-thing', '/', '', '/orders/', '//orders', '/orders/1/review/MARKETING/opinion', '/health/live', '/docs-json']) {
      expect({ path, found: table.lookup('GET', path).kind }).toEqual({ path, found: 'not-found' });
    }
    expect(table.lookup('POST', '/orders/1/review/MARKETING/opinion')).toEqual({ kind: 'not-found' });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'])(
    'N5 the segment %s never reaches a prototype key: 404 wherever a literal or a listed value is expected',
    (segment) => {
      for (const path of [`/${segment}`, `/${segment}/orders/1`, `/orders/1/review/${segment}/opinion`, `/customers/1/${segment}`, `/orders/1/${segment}/x`]) {
        for (const method of ['GET', 'POST']) expect({ path, method, found: table.lookup(method, path) }).toEqual({ path, method, found: { kind: 'not-found' } });
      }
      expect(table.lookup(segment, '/orders')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'POST', 'HEAD'] });
      // A parameter takes any one segment; the owner then answers for that id.
      expect(table.lookup('GET', `/customers/${segment}`)).toMatchObject({ kind: 'found', service: 'sales' });
      expect(table.lookup('GET', `/${encodeURIComponent(segment)}`)).toEqual({ kind: 'not-found' });
    },
  );

  it('matches percent-encoded segments by their decoded text', () => {
    expect(table.lookup('GET', '/work%2Dcentres')).toMatchObject({ kind: 'found', service: 'production' });
    expect(table.lookup('GET', '/products/P%2F100')).toMatchObject({ kind: 'found', service: 'production' });
    expect(table.lookup('GET', '/products/%E0%A4%A')).toMatchObject({ kind: 'found', service: 'production' });
  });
});
