import { Logger } from '@nestjs/common';
import { SERVICES, ServiceName } from '@opm/contracts';
import { DOCUMENT_TIMING, ServiceDocuments } from '../docs/service-documents';
import { fakeServices, rounds } from '../../test/support/fake-services';
import { Route, ServiceRouter } from './service-router';

/** What the client gets: the service, or the problem's status, detail, extensions and headers. */
function answer(route: Route) {
  if ('service' in route) return route.service;
  return { status: route.problem.getStatus(), ...(route.problem.getResponse() as object), headers: route.headers };
}

describe(ServiceRouter.name, () => {
  let documents: ServiceDocuments | undefined;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    documents?.onApplicationShutdown();
    jest.useRealTimers();
  });

  function start(up: Iterable<ServiceName> = SERVICES) {
    const services = fakeServices(up);
    documents = services.documents;
    return { ...services, router: new ServiceRouter(services.documents) };
  }

  it('R1.3 sends a declared method and path to its service; 404 names a path nobody declares; 405 says what is allowed', async () => {
    const { router } = start();
    expect(answer(await router.route('POST', '/orders/9a/review/quality/opinion'))).toBe('quality');
    expect(answer(await router.route('GET', '/no-such-thing?page=2'))).toEqual({ status: 404, detail: 'no service declares /api/v1/no-such-thing', headers: {} });
    expect(answer(await router.route('DELETE', '/orders'))).toEqual({
      status: 405,
      detail: '/api/v1/orders does not take DELETE; it takes GET, POST, HEAD',
      headers: { allow: 'GET, POST, HEAD' },
    });
  });

  it.each(['__proto__', 'constructor', 'toString'])('N5 /orders/{id}/review/%s/opinion is 404, not a prototype key', async (segment) => {
    const { router } = start();
    expect(answer(await router.route('POST', `/orders/1/review/${segment}/opinion`))).toMatchObject({ status: 404 });
    expect(answer(await router.route('GET', `/${segment}`))).toMatchObject({ status: 404, detail: `no service declares /api/v1/${segment}` });
  });

  it('N1 while a document is unknown, a path no known service declares is 503 naming those services; found once they answer', async () => {
    const { router, answering, asked } = start(['sales', 'production', 'purchasing', 'finance']);
    expect(answer(await router.route('GET', '/products'))).toBe('production');
    expect(answer(await router.route('GET', '/quality/standards'))).toEqual({
      status: 503,
      detail: 'no known service declares /api/v1/quality/standards; what quality, logistics declare is not known yet (their OpenAPI documents could not be fetched)',
      services: ['quality', 'logistics'],
      headers: { 'retry-after': String(DOCUMENT_TIMING.missRefreshMs / 1000) },
    });
    // A path only a known service declares with other methods is still 405.
    expect(answer(await router.route('DELETE', '/products'))).toMatchObject({ status: 405 });
    answering.add('quality');
    answering.add('logistics');
    // Before the backoff asks again, and within the miss interval, the answer stands...
    await jest.advanceTimersByTimeAsync(500);
    expect(answer(await router.route('GET', '/quality/standards'))).toMatchObject({ status: 503 });
    // ...then the next round (the backoff's or a miss's) learns what they declare.
    await jest.advanceTimersByTimeAsync(500);
    expect(answer(await router.route('GET', '/quality/standards'))).toBe('quality');
    expect(answer(await router.route('GET', '/no-such-thing'))).toMatchObject({ status: 404 });
    expect(rounds(asked)).toBe(2);
  });

  it('N1 a miss asks the services again (at most every few seconds) before answering', async () => {
    const { router, answering, asked } = start(['sales']);
    await router.route('GET', '/orders');
    await jest.advanceTimersByTimeAsync(DOCUMENT_TIMING.missRefreshMs);
    answering.add('quality');
    const before = rounds(asked);
    // No timer fires between these two lookups: the miss itself fetched the documents.
    jest.setSystemTime(Date.now() + DOCUMENT_TIMING.missRefreshMs);
    expect(answer(await router.route('GET', '/quality/standards'))).toBe('quality');
    expect(rounds(asked)).toBe(before + 1);
  });

  it('N1 keeps routing to a service that went down once its routes are known (the forward then fails as 503/504)', async () => {
    const { router, answering } = start();
    expect(answer(await router.route('GET', '/logistics/orders/1'))).toBe('logistics');
    answering.delete('logistics');
    await jest.advanceTimersByTimeAsync(DOCUMENT_TIMING.refreshMs + DOCUMENT_TIMING.missRefreshMs);
    expect(answer(await router.route('GET', '/logistics/orders/1'))).toBe('logistics');
    expect(answer(await router.route('GET', '/logistics/shipments'))).toMatchObject({ status: 404 });
  });
});
