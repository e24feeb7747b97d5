import request from 'supertest';
import { DEPARTMENT_SERVICES } from '@opm/contracts';
import { eventually, TestStack } from '@opm/testing';

/**
 * The gateway routes by what the services declare in their OpenAPI documents. Started while every department
 * service is down, it does not know their routes: it says so (503), keeps asking, routes to a service once it
 * answers, and keeps its routes when it goes down again.
 */
describe("gateway routing from the services' documents (e2e)", () => {
  const basePort = Number(process.env.TEST_BASE_PORT ?? 3100) + 70;
  let stack: TestStack;
  let late: TestStack | undefined;
  let gateway: ReturnType<typeof request>;
  let auth: string;

  beforeAll(async () => {
    stack = await TestStack.start({ services: ['sales'], basePort });
    gateway = request(stack.member('gateway').baseUrl);
    auth = await stack.bearer('quality.head');
  }, 120_000);

  afterAll(async () => {
    await late?.stop();
    await stack?.stop();
  });

  it('N1 a service down when the gateway starts: 503 naming what is unknown, routed once it answers, kept when it stops', async () => {
    await gateway.get('/api/v1/orders').set('authorization', auth).expect(200);
    const unknown = await gateway.get('/api/v1/quality/standards').set('authorization', auth).expect(503);
    expect(unknown.body).toMatchObject({ status: 503, title: 'Service Unavailable', services: [...DEPARTMENT_SERVICES] });
    expect(unknown.body.detail).toContain('no known service declares /api/v1/quality/standards');
    expect(unknown.headers['retry-after']).toBeDefined();

    // quality starts where the gateway expects it.
    late = await TestStack.start({ services: ['quality'], gateway: false, basePort });
    const standards = await eventually(() => gateway.get('/api/v1/quality/standards').set('authorization', auth).expect(200), { timeoutMs: 20_000, intervalMs: 500 });
    expect(Array.isArray(standards.body.items)).toBe(true);
    const stillUnknown = await gateway.get('/api/v1/logistics/orders/x').set('authorization', auth).expect(503);
    expect(stillUnknown.body.services).toEqual(DEPARTMENT_SERVICES.filter((s) => s !== 'quality'));

    await late.stop();
    const down = await gateway.get('/api/v1/quality/standards').set('authorization', auth).expect(503);
    expect(down.body).toMatchObject({ service: 'quality' });
    expect(down.body.detail).toMatch(/^quality is unreachable/);
  }, 120_000);
});
