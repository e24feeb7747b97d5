import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import request from 'supertest';
import { eventually, findSamples, orderBody, OtlpReceiver, TestStack, testDatabaseUrl } from '@opm/testing';

const STACK_SERVICES = ['sales', 'production'] as const;
const OTLP_SERVER = 2;
const OTLP_CONSUMER = 5;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * Metrics and traces (issue 11, item 4) through every process on real Kafka and PostgreSQL: `/metrics` on the
 * gateway and the services, and one trace from the client's `traceparent` through the gateway, sales, the outbox
 * row, Kafka and a department's consumer, exported to an OTLP/HTTP receiver on 127.0.0.1.
 */
describe('metrics and traces (e2e)', () => {
  let stack: TestStack;
  let receiver: OtlpReceiver;
  let gateway: ReturnType<typeof request>;
  let auth: string;
  const traceId = hex(16);
  const clientSpanId = hex(8);
  let orderId: string;

  const scrape = async (member: Parameters<TestStack['member']>[0]): Promise<string> => {
    const res = await fetch(`${stack.member(member).baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    // Sales (the producer) and one department (a consumer) are enough, and lighter on a shared machine. Without
    // finance the order waits for its customer's credit standing (RECEIVED), which is recorded all the same.
    stack = await TestStack.start({ services: STACK_SERVICES, env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' } });
    gateway = request(stack.member('gateway').baseUrl);
    auth = await stack.bearer('sales.staff');
    const created = await gateway
      .post('/api/v1/orders')
      .set('authorization', auth)
      .set('traceparent', `00-${traceId}-${clientSpanId}-01`)
      .send(orderBody())
      .expect(201);
    orderId = created.body.id;
    await gateway.get(`/api/v1/orders/${orderId}`).set('authorization', auth).expect(200);
  }, 400_000);

  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  it('N6 issue11.4 the request histogram names route templates and statuses on the gateway and the service, never an id', async () => {
    const text = await scrape('gateway');
    const requests = (labels: Record<string, string>) => findSamples(text, 'opm_http_request_duration_seconds_count', { service: 'gateway', ...labels });
    expect(requests({ method: 'POST', route: '/api/v1/orders', status: '201' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(requests({ method: 'GET', route: '/api/v1/orders/{id}', status: '200' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(requests({ method: 'POST', route: '/api/v1/auth/token', status: '200' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(findSamples(text, 'opm_process_resident_memory_bytes', { service: 'gateway' })[0]?.value).toBeGreaterThan(0);

    const sales = await scrape('sales');
    expect(findSamples(sales, 'opm_http_request_duration_seconds_count', { service: 'sales', method: 'POST', route: '/orders', status: '201' })[0]?.value).toBe(1);
    expect(findSamples(sales, 'opm_http_request_duration_seconds_count', { service: 'sales', method: 'GET', route: '/orders/{id}', status: '200' })[0]?.value).toBeGreaterThanOrEqual(1);
    for (const t of [text, sales]) expect(t).not.toContain(orderId);

    // A path nobody declares is one series, whatever was sent (404; 503 while a service's document is unknown).
    const miss = await gateway.get(`/api/v1/no-such-thing/${orderId}`).set('authorization', auth);
    expect([404, 503]).toContain(miss.status);
    const after = await scrape('gateway');
    expect(findSamples(after, 'opm_http_request_duration_seconds_count', { service: 'gateway', route: 'unmatched', status: String(miss.status) })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain('no-such-thing');
  });

  it('N6 issue11.4 a service reports its outbox backlog and oldest unsent age, database pool, consumer handler times and lag', async () => {
    await eventually(async () => {
      const sales = await scrape('sales');
      expect(findSamples(sales, 'opm_outbox_unsent', { service: 'sales' })[0]?.value).toBe(0);
      expect(findSamples(sales, 'opm_outbox_oldest_unsent_age_seconds', { service: 'sales' })[0]?.value).toBe(0);
      expect(findSamples(sales, 'opm_db_pool_total', { service: 'sales' })[0]?.value).toBeGreaterThan(0);
      expect(findSamples(sales, 'opm_db_pool_max', { service: 'sales' })[0]?.value).toBe(10);
      expect(findSamples(sales, 'opm_db_pool_waiting', { service: 'sales' })).toHaveLength(1);
    });
    await eventually(
      async () => {
        const production = await scrape('production');
        const applied = findSamples(production, 'opm_consumer_handler_duration_seconds_count', { service: 'production', topic: 'sales.order.received.v1', outcome: 'applied' });
        expect(applied[0]?.value).toBeGreaterThanOrEqual(1);
        const lag = findSamples(production, 'opm_consumer_lag', { service: 'production', topic: 'sales.order.received.v1' });
        expect(lag.length).toBeGreaterThan(0);
        expect(lag.every((s) => s.value === 0)).toBe(true);
        expect(findSamples(production, 'opm_dead_letters', { service: 'production' })).toEqual([]);
      },
      { timeoutMs: 30_000 },
    );
  });

  it('N6 issue11.4 a traceparent sent to the gateway reaches sales, the outbox row of the event it caused, and the consuming department\'s span', async () => {
    const db = new Client({ connectionString: testDatabaseUrl('sales') });
    await db.connect();
    let producerSpanId: string;
    try {
      const { rows } = await db.query(`SELECT headers FROM outbox WHERE topic = 'sales.order.received.v1' AND value->>'orderId' = $1`, [orderId]);
      expect(rows).toHaveLength(1);
      const [version, rowTrace, spanId, flags] = String(rows[0].headers.traceparent).split('-');
      expect({ version, rowTrace, flags }).toEqual({ version: '00', rowTrace: traceId, flags: '01' });
      producerSpanId = spanId;
    } finally {
      await db.end();
    }
    const spans = await eventually(
      async () => {
        const ours = receiver.spans.filter((s) => s.traceId === traceId);
        const consumer = ours.find((s) => s.service === 'production' && s.kind === OTLP_CONSUMER && s.name === 'sales.order.received.v1 process');
        if (!consumer) throw new Error(`no consumer span of production in the trace yet: ${ours.map((s) => `${s.service} ${s.name}`).join(', ')}`);
        return ours;
      },
      { timeoutMs: 30_000 },
    );
    const gatewaySpan = spans.find((s) => s.service === 'gateway' && s.kind === OTLP_SERVER && s.name === 'POST /api/v1/orders');
    expect(gatewaySpan?.parentSpanId).toBe(clientSpanId);
    const salesSpan = spans.find((s) => s.service === 'sales' && s.kind === OTLP_SERVER && s.name === 'POST /orders');
    expect(salesSpan?.parentSpanId).toBe(gatewaySpan?.spanId);
    // The event was written inside sales' request span, so its row names that span as the consumer's parent.
    expect(producerSpanId).toBe(salesSpan?.spanId);
    const consumer = spans.find((s) => s.service === 'production' && s.kind === OTLP_CONSUMER && s.name === 'sales.order.received.v1 process');
    expect(consumer).toMatchObject({ parentSpanId: producerSpanId, attributes: { 'messaging.destination.name': 'sales.order.received.v1', 'opm.consumer.outcome': 'applied' } });

    // The log lines of the request carry the trace id, on the gateway and on sales.
    for (const member of ['gateway', 'sales'] as const) {
      const lines = readFileSync(stack.member(member).logFile, 'utf8').split('\n').filter((l) => l.includes(traceId));
      expect({ member, logged: lines.some((l) => JSON.parse(l).traceId === traceId) }).toEqual({ member, logged: true });
    }
  });

  it('N6 issue11.4 /metrics is outside the API document and the gateway does not route it to a service', async () => {
    const doc = (await (await fetch(`${stack.member('gateway').baseUrl}/api/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.includes('metrics'))).toEqual([]);
    const routed = await gateway.get('/api/v1/metrics').set('authorization', auth);
    expect([404, 503]).toContain(routed.status);
    expect(routed.text).not.toContain('opm_');
  });
});
