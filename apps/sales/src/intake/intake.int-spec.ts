import type { AppContext } from '@opm/testing';
import { CustomersService } from '../customers/customers.service';
import { OrderRepository } from '../lifecycle/order.repository';
import { auditActions, credit, customer, eventTypes, newOrder, startSales } from '../test/sales-context';
import { IntakeService } from './intake.service';
import { LeadsService } from './leads/leads.service';

/** Intake's use cases against the real PostgreSQL (no HTTP, no Kafka). */
describe('intake (PostgreSQL)', () => {
  let ctx: AppContext;
  let intake: IntakeService;
  let orders: OrderRepository;

  beforeAll(async () => {
    // A connection for every transaction the races below run at once: they queue on rows, not on the pool.
    ctx = await startSales('intake', { INTAKE_CREDIT_WAIT_SECONDS: '600', DATABASE_POOL_SIZE: '26' });
    intake = ctx.app.get(IntakeService);
    orders = ctx.app.get(OrderRepository);
  });
  afterAll(() => ctx?.close());

  const creditCheck = (o: { preliminaryReview: { checks: { check: string; result: string; reasons: string[] }[] } | null }) =>
    o.preliminaryReview?.checks.find((c) => c.check === 'CREDIT');

  it('R2.4 R2.6 an order whose credit standing has not reached sales waits; it goes on when the standing arrives', async () => {
    const customerId = await customer(ctx, null);
    const created = await intake.create(newOrder(customerId));
    expect(created.status).toBe('RECEIVED');
    expect(created.escalation).toBeNull();
    expect(creditCheck(created)).toEqual({ check: 'CREDIT', result: 'PENDING', reasons: ["finance's credit account for this customer has not reached sales yet"] });
    expect(await eventTypes(ctx.dataSource.manager, created.id)).toEqual(['sales.order.received']);
    // Finance's standing arrives (what the sales.credit-copy consumer does in one transaction).
    await ctx.dataSource.transaction(async (m) => {
      await ctx.app.get(CustomersService).applyCredit(m, credit(customerId, '50000.00'));
      await intake.creditArrived(m, customerId);
    });
    const after = await orders.find(created.id);
    expect(after.status).toBe('UNDER_REVIEW');
    expect(creditCheck(after)).toMatchObject({ result: 'PASS' });
    expect(await eventTypes(ctx.dataSource.manager, created.id)).toEqual(['sales.order.received', 'sales.order.status-changed', 'sales.order.review-requested']);
    expect(await auditActions(ctx.dataSource.manager, created.id)).toEqual(['order.recorded', 'order.preliminary-review', 'order.preliminary-review']);
  });

  it('R2.4 R2.6 a limit finance never sets ends the wait after INTAKE_CREDIT_WAIT_SECONDS: then, and only then, management is asked', async () => {
    const customerId = await customer(ctx, null);
    const created = await intake.create(newOrder(customerId));
    // An account without a limit is still not a decision: the wait goes on.
    await ctx.dataSource.transaction(async (m) => {
      await ctx.app.get(CustomersService).applyCredit(m, credit(customerId, null));
      await intake.creditArrived(m, customerId);
    });
    expect((await orders.find(created.id)).status).toBe('RECEIVED');
    expect(await intake.endOverdueCreditWaits(new Date(Date.now() + 599_000))).toBe(0);
    expect(await intake.endOverdueCreditWaits(new Date(Date.now() + 601_000))).toBeGreaterThanOrEqual(1);
    const escalated = await orders.find(created.id);
    expect(escalated.status).toBe('ESCALATED');
    expect(escalated.escalation?.reasons).toEqual(['CREDIT: finance has set no credit limit for this customer']);
  });

  it('R2.5 supplying the missing information re-runs the preliminary review through the same transition', async () => {
    const created = await intake.create(newOrder(await customer(ctx), { paymentTerms: null }));
    expect(created).toMatchObject({ status: 'AWAITING_INFO', preliminaryReview: { missing: ['paymentTerms'] } });
    const supplied = await intake.supplyInfo(created.id, { paymentTerms: '30 days net' }, created.version);
    expect(supplied.status).toBe('UNDER_REVIEW');
    expect(await eventTypes(ctx.dataSource.manager, created.id)).toEqual([
      'sales.order.received',
      'sales.order.status-changed', // RECEIVED -> AWAITING_INFO
      'sales.order.status-changed', // AWAITING_INFO -> RECEIVED
      'sales.order.details-changed',
      'sales.order.status-changed', // RECEIVED -> UNDER_REVIEW
      'sales.order.review-requested',
    ]);
  });

  it('R2.1 R2.2 creates for several customers and lead conversions race without deadlock; numbers stay unique and gap-free', async () => {
    const customers = await Promise.all([1, 2, 3, 4].map(() => customer(ctx)));
    const leads = ctx.app.get(LeadsService);
    const leadIds = await Promise.all(
      [1, 2, 3, 4].map(async (i) => (await leads.create({ source: 'TRADE_SHOW', companyName: `Lead ${i}`, contactPerson: 'Wang Fang', interest: 'brackets' })).id),
    );
    const [{ before }] = await ctx.dataSource.query(`SELECT count(*)::int AS before FROM sales_order`);
    const results = await Promise.all([
      ...customers.flatMap((c) => [1, 2, 3].map(() => intake.create(newOrder(c)))),
      ...leadIds.map((leadId, i) => {
        const { channel: _channel, ...dto } = newOrder(customers[i]);
        return leads.convert(leadId, dto);
      }),
    ]);
    expect(results).toHaveLength(16);
    const numbers: string[] = (await ctx.dataSource.query(`SELECT number FROM sales_order ORDER BY number`)).map((r: { number: string }) => r.number);
    const seqs = numbers.map((n) => Number(n.slice(-6)));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(numbers.length).toBe(before + 16);
    expect(results.filter((r) => r.channel === 'TRADE_SHOW').map((r) => r.leadId).sort()).toEqual([...leadIds].sort());
  });

  it('I11.2 many lead conversions raced against plain creates never deadlock: one lock order, audit entries take no lock', async () => {
    const PAIRS = 12;
    const WAVES = 3;
    const customers = await Promise.all(Array.from({ length: 6 }, () => customer(ctx)));
    const leads = ctx.app.get(LeadsService);
    const leadIds = await Promise.all(
      Array.from({ length: PAIRS * WAVES }, async (_, i) => (await leads.create({ source: 'PARTNER_REFERRAL', companyName: `Race ${i}`, contactPerson: 'Wang Fang', interest: 'brackets' })).id),
    );
    const [{ deadlocks: before }] = await ctx.dataSource.query(`SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()`);
    // Each pair: a conversion and a plain create, PAIRS pairs at once, all on one number row and six customers.
    const failed: string[] = [];
    for (let wave = 0; wave < WAVES; wave += 1) {
      const settled = await Promise.allSettled(
        leadIds.slice(wave * PAIRS, (wave + 1) * PAIRS).flatMap((leadId, i) => {
          const { channel: _channel, ...dto } = newOrder(customers[i % customers.length]);
          return [leads.convert(leadId, dto), intake.create(newOrder(customers[(i + 1) % customers.length]))];
        }),
      );
      failed.push(...settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => `${(r.reason as { code?: string }).code}: ${(r.reason as Error).message}`));
    }
    expect(failed).toEqual([]);
    // A deadlock PostgreSQL resolved by cancelling a victim would show here even if some caller retried it.
    await new Promise((r) => setTimeout(r, 1200));
    await ctx.dataSource.query(`SELECT pg_stat_clear_snapshot()`);
    const [{ deadlocks: after }] = await ctx.dataSource.query(`SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()`);
    expect(after - before).toBe(0);
    const converted: { n: number }[] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM sales_lead WHERE status = 'CONVERTED' AND id = ANY($1)`, [leadIds]);
    expect(converted[0].n).toBe(PAIRS * WAVES);
  }, 180_000);
});
