import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Assessment, Envelope, ReviewDepartment, ReviewOrderSnapshot, SalesOrderReviewRequested, SalesOrderReviewRequestedV1, sumMoney } from '@opm/contracts';
import { eventually, KafkaTestClient, mintToken, testDatabaseUrl, TestStack } from '@opm/testing';

type ReviewService = 'production' | 'quality' | 'purchasing' | 'finance';

interface TaskView {
  department: ReviewDepartment;
  status: string;
  conclusion: string | null;
  autoConfirmed: boolean;
  assessment: Assessment;
}

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

function reviewRequested(order: ReviewOrderSnapshot): Envelope<SalesOrderReviewRequested> {
  return {
    eventId: randomUUID(),
    type: SalesOrderReviewRequestedV1.type,
    version: SalesOrderReviewRequestedV1.version,
    occurredAt: new Date().toISOString(),
    orderId: order.orderId,
    correlationId: randomUUID(),
    causationId: null,
    actor: { username: 'e2e' },
    payload: { orderId: order.orderId, number: order.number, round: 1, major: false, order },
  };
}

function order(lines: Partial<ReviewOrderSnapshot['lines'][number]>[], deliveryDate: string): ReviewOrderSnapshot {
  const full = lines.map((l, i) => ({
    lineNo: i + 1,
    productCode: 'P-100',
    productName: null,
    specification: null,
    quantity: 100,
    unitPrice: '12.50',
    amount: '1250.00',
    ...l,
  }));
  return {
    orderId: randomUUID(),
    number: `SO-2026-9${String(randomInt(100_000)).padStart(5, '0')}`,
    channel: 'PHONE',
    customerId: randomUUID(),
    orderDate: inDays(0),
    deliveryDate,
    deliveryPlace: 'Pudong warehouse 3, Shanghai',
    paymentTerms: '30 days net',
    currency: 'CNY',
    totalAmount: sumMoney(full.map((l) => l.amount)),
    lines: full,
    specialRequirements: { customization: null, packaging: null, transportMode: null, other: null },
  };
}

/** Issue 5 smoke: every reviewing service opens its tasks with an automatic assessment from its own data (R3.2-R3.6). */
describe('review assessments (e2e, real Kafka and PostgreSQL)', () => {
  let stack: TestStack;
  const kafka = new KafkaTestClient();

  beforeAll(async () => {
    stack = await TestStack.start({ services: ['production', 'quality', 'purchasing', 'finance'], gateway: false });
    // Purchasing and finance review from their copies of the catalog, filled by production's demo events.
    for (const service of ['purchasing', 'finance'] as const) {
      const db = new Client({ connectionString: testDatabaseUrl(service) });
      await db.connect();
      try {
        await eventually(
          async () => {
            const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${service}_catalog_product WHERE code = ANY($1)`, [['P-100', 'P-200', 'P-300', 'P-400']]);
            if (rows[0].n < 4) throw new Error(`${service} has ${rows[0].n} of the 4 demo products`);
          },
          { timeoutMs: 60_000 },
        );
      } finally {
        await db.end();
      }
    }
  }, 180_000);

  afterAll(async () => {
    await kafka.close();
    await stack?.stop();
  });

  const tokens = new Map<ReviewService, string>();
  async function get<T>(service: ReviewService, path: string): Promise<T> {
    const department = service.toUpperCase() as ReviewDepartment;
    if (!tokens.has(service)) tokens.set(service, await mintToken({ username: `${service}.head`, department, role: 'HEAD' }));
    const res = await fetch(`${stack.member(service).baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens.get(service)}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }
  async function tasksOf(orderId: string): Promise<Map<ReviewDepartment, TaskView>> {
    return eventually(
      async () => {
        const all = new Map<ReviewDepartment, TaskView>();
        for (const service of ['production', 'quality', 'purchasing', 'finance'] as const) {
          const { items } = await get<{ items: TaskView[] }>(service, `/${service}/review-tasks?orderId=${orderId}`);
          for (const t of items) all.set(t.department, t);
        }
        expect([...all.keys()].sort()).toEqual(['FINANCE', 'PRODUCTION', 'PURCHASING', 'QUALITY', 'TECHNICAL']);
        return all;
      },
      { timeoutMs: 60_000 },
    );
  }
  const request = (o: ReviewOrderSnapshot) => kafka.produce(SalesOrderReviewRequestedV1.topic, [{ key: o.orderId, value: JSON.stringify(reviewRequested(o)) }]);

  it('R3.2-R3.6 a catalog order gets a task with an assessment in every department; clear ones are auto-confirmed', async () => {
    const o = order([{ productCode: 'P-100', quantity: 100, unitPrice: '12.50', amount: '1250.00' }], inDays(95));
    await request(o);
    const tasks = await tasksOf(o.orderId);
    for (const t of tasks.values()) {
      expect(typeof t.assessment.summary).toBe('string');
      expect(Array.isArray(t.assessment.reasons)).toBe(true);
    }
    expect(tasks.get('TECHNICAL')?.assessment).toMatchObject({ clear: true });
    expect(tasks.get('TECHNICAL')).toMatchObject({ status: 'DONE', conclusion: 'PASS', autoConfirmed: true });
    expect(tasks.get('QUALITY')?.assessment.summary).toBe('no special quality standard asked: the standard inspection plan applies');
    expect(tasks.get('PURCHASING')?.assessment).toMatchObject({ clear: true, summary: 'all materials on hand' });
    expect(tasks.get('FINANCE')?.assessment).toMatchObject({ clear: true, details: { margin: '32.80', minimumMargin: '15.00', cost: { total: '840.00' } } });
    expect(tasks.get('PRODUCTION')?.assessment.details.perWorkCentre).toEqual(
      expect.arrayContaining([expect.objectContaining({ workCentre: 'MACHINING', requiredHours: 20 }), expect.objectContaining({ workCentre: 'ASSEMBLY', requiredHours: 5 })]),
    );
  });

  it('R3.3 a tight delivery date gets a not-clear production assessment proposing the earliest feasible date', async () => {
    // 200 gear housings need 300 h of machining; ten days hold at most 160 h.
    const o = order([{ productCode: 'P-200', quantity: 200, unitPrice: '150.00', amount: '30000.00' }], inDays(10));
    await request(o);
    const production = (await tasksOf(o.orderId)).get('PRODUCTION');
    expect(production).toMatchObject({ status: 'OPEN', autoConfirmed: false });
    const a = production?.assessment as Assessment;
    expect(a.clear).toBe(false);
    const earliest = a.details.earliestFeasibleDate as string;
    expect(earliest > (o.deliveryDate as string)).toBe(true);
    expect(a.proposals).toContain(`deliver on ${earliest} instead of ${o.deliveryDate}: the earliest date by which every work centre has the hours at the current load`);
    expect(a.proposals.some((p) => /^add [\d.]+ h of MACHINING \(overtime or a second shift\)/.test(p))).toBe(true);
  });

  it('R3.2 R3.4 a free-text line is never auto-cleared by technical; quality publishes its standards', async () => {
    const o = order(
      [{}, { productCode: null, productName: 'Custom bracket', specification: '304 steel 2 mm, EN 10204 3.1', quantity: 40, unitPrice: '7.10', amount: '284.00' }],
      inDays(95),
    );
    await request(o);
    const tasks = await tasksOf(o.orderId);
    expect(tasks.get('TECHNICAL')).toMatchObject({ status: 'OPEN', assessment: { clear: false } });
    expect(tasks.get('TECHNICAL')?.assessment.proposals[0]).toContain('engineering to confirm a solution for line 2 (Custom bracket, 304 steel 2 mm, EN 10204 3.1)');
    expect(tasks.get('QUALITY')?.assessment.clear).toBe(false);
    expect(tasks.get('FINANCE')?.assessment.summary).toBe('no standard cost for line 2: cost to be estimated by engineering');
    const standards = await get<{ items: { productCode: string; attainableStandards: string[] }[]; total: number }>('quality', '/quality/standards');
    expect(standards.items.map((s) => s.productCode)).toEqual(['P-100', 'P-200', 'P-300', 'P-400']);
  });
});
