import { randomUUID } from 'node:crypto';
import { SalesOrderReceivedV1 } from '@opm/contracts';
import { BusinessRuleProblem, DeadLetters, type EventContext, Inbox, loadServiceConfig, NotYetApplicable, RetryLater } from '@opm/platform';
import { type AppContext, orderReceivedEvent, startAppContext } from '@opm/testing';
import { ProductionAppModule } from '../app.module';

/** A message as a consumer receives it, at a given offset of partition 0. */
function delivery(value: string, key: string, offset: number): EventContext {
  return { getTopic: () => SalesOrderReceivedV1.topic, getPartition: () => 0, getMessage: () => ({ offset: String(offset), key, value }) };
}

/**
 * The consumer policy (issue 11.3) on the real PostgreSQL: the platform's inbox inside the production service,
 * fed messages directly (what the transports do around it, pausing and redelivering, is the e2e test's).
 */
describe('consumer policy: inbox, dead letters and replay (PostgreSQL)', () => {
  let ctx: AppContext;
  let inbox: Inbox;
  let offset = 0;
  const next = () => (offset += 1);

  beforeAll(async () => {
    ctx = await startAppContext('production', (config) => ProductionAppModule.register(config), {
      database: 'consumer_policy',
      env: {
        CONSUMER_MAX_ATTEMPTS: '2',
        CONSUMER_NOT_YET_APPLICABLE_MAX_SECONDS: '1',
        CONSUMER_TEST_TRANSIENT_FAILURES: 'it.transient:5',
        REVIEW_SCAN_MS: '3600000',
      },
    });
    inbox = ctx.app.get(Inbox);
  });
  afterAll(() => ctx?.close());

  const deadLetters = (key: string) =>
    ctx.dataSource.query(`SELECT kind, error, consumer FROM dead_letter WHERE message_key = $1 ORDER BY id`, [key]) as Promise<{ kind: string; error: string }[]>;

  it('issue-11.3 a transient database failure (a real 40001) is retried past CONSUMER_MAX_ATTEMPTS, then applied, never dead-lettered', async () => {
    const orderId = randomUUID();
    const event = orderReceivedEvent(orderId);
    const message = delivery(JSON.stringify(event), orderId, next());
    let applied = 0;
    const handle = async () => {
      applied += 1;
    };
    const delays: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const err = await inbox.consume('it.transient', SalesOrderReceivedV1, message, handle).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(RetryLater);
      delays.push((err as RetryLater).delayMs);
    }
    await inbox.consume('it.transient', SalesOrderReceivedV1, message, handle);
    expect(applied).toBe(1);
    expect(delays).toEqual([200, 400, 800, 1600, 3200]);
    expect(await deadLetters(orderId)).toEqual([]);
    const rows = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [event.eventId]);
    expect(rows[0].n).toBe(1);
  });

  it('issue-11.3 a business refusal is poison: dead-lettered at the first failure with its reason', async () => {
    const orderId = randomUUID();
    await inbox.consume('it.poison', SalesOrderReceivedV1, delivery(JSON.stringify(orderReceivedEvent(orderId)), orderId, next()), async () => {
      throw new BusinessRuleProblem('the customer is blocked');
    });
    expect(await deadLetters(orderId)).toEqual([{ kind: 'poison', error: 'refused (422): the customer is blocked', consumer: 'it.poison' }]);
  });

  it('issue-11.3 an unknown failure is tried CONSUMER_MAX_ATTEMPTS times, then dead-lettered', async () => {
    const orderId = randomUUID();
    const message = delivery(JSON.stringify(orderReceivedEvent(orderId)), orderId, next());
    const fail = async () => {
      throw new TypeError('a bug');
    };
    await expect(inbox.consume('it.failing', SalesOrderReceivedV1, message, fail)).rejects.toBeInstanceOf(RetryLater);
    await inbox.consume('it.failing', SalesOrderReceivedV1, message, fail);
    expect(await deadLetters(orderId)).toEqual([{ kind: 'failing', error: 'handler failed 2 times: a bug', consumer: 'it.failing' }]);
  });

  it('issue-11.3 NotYetApplicable waits CONSUMER_NOT_YET_APPLICABLE_MAX_SECONDS, then is dead-lettered saying what it waited for', async () => {
    const orderId = randomUUID();
    const message = delivery(JSON.stringify(orderReceivedEvent(orderId)), orderId, next());
    const wait = async () => {
      throw new NotYetApplicable(`order ${orderId} has not reached production yet`);
    };
    const first = await inbox.consume('it.waiting', SalesOrderReceivedV1, message, wait).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RetryLater);
    expect((first as RetryLater).delayMs).toBeLessThanOrEqual(1000);
    expect(await deadLetters(orderId)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1100));
    await inbox.consume('it.waiting', SalesOrderReceivedV1, message, wait);
    const [dead] = await deadLetters(orderId);
    expect(dead.kind).toBe('not-yet-applicable');
    expect(dead.error).toMatch(/^not yet applicable after waiting 1 s \(limit 1 s\): order .* has not reached production yet$/);
  });

  it('issue-11.3 a dead letter replayed twice goes out twice through the outbox, is audited each time, and is applied once', async () => {
    const orderId = randomUUID();
    const event = orderReceivedEvent(orderId);
    let failing = true;
    let applied = 0;
    const handle = async () => {
      if (failing) throw new BusinessRuleProblem('not yet fixed');
      applied += 1;
    };
    await inbox.consume('it.replay', SalesOrderReceivedV1, delivery(JSON.stringify(event), orderId, next()), handle);
    const [{ id }] = await ctx.dataSource.query(`SELECT id FROM dead_letter WHERE message_key = $1`, [orderId]);
    const operator = { username: 'management.leader', department: 'MANAGEMENT' as const, role: 'LEADER' as const };
    const replays = ctx.app.get(DeadLetters);
    await replays.replay(Number(id), operator);
    const view = await replays.replay(Number(id), operator);
    expect(view).toMatchObject({ replayCount: 2, replayedBy: 'management.leader', kind: 'poison' });
    // What the relay will send: the same envelope, to the original topic and key.
    const sent: { value: { eventId: string }; topic: string }[] = await ctx.dataSource.query(`SELECT topic, value FROM outbox WHERE message_key = $1 ORDER BY seq`, [orderId]);
    expect(sent.map((r) => [r.topic, r.value.eventId])).toEqual([
      [SalesOrderReceivedV1.topic, event.eventId],
      [SalesOrderReceivedV1.topic, event.eventId],
    ]);
    const audit = await ctx.dataSource.query(`SELECT action, entity_id FROM audit_entry WHERE order_id = $1 ORDER BY seq`, [orderId]);
    expect(audit).toEqual([
      { action: 'dead-letter.replayed', entity_id: String(id) },
      { action: 'dead-letter.replayed', entity_id: String(id) },
    ]);
    failing = false;
    for (const row of sent) await inbox.consume('it.replay', SalesOrderReceivedV1, delivery(JSON.stringify(row.value), orderId, next()), handle);
    expect(applied).toBe(1);
    await expect(replays.replay(999_999, operator)).rejects.toMatchObject({ response: { detail: 'no dead letter 999999 in this service' }, status: 404 });
  });

  it('issue-11.3 inbox rows and dead letters past their retention are pruned, newer ones kept', async () => {
    await ctx.dataSource.query(`UPDATE dead_letter SET created_at = now() - interval '40 days' WHERE consumer = 'it.poison'`);
    await ctx.dataSource.query(`UPDATE inbox SET processed_at = now() - interval '100 days' WHERE consumer = 'it.transient'`);
    const removed = await ctx.app.get(DeadLetters).prune(90, 30);
    expect(removed).toBe(2);
    const left = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM dead_letter WHERE consumer = 'it.poison'`);
    expect(left[0].n).toBe(0);
    const kept = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM dead_letter`);
    expect(kept[0].n).toBeGreaterThan(0);
  });

  it('issue-11.3 the test hook is refused in production mode', () => {
    expect(() => loadServiceConfig('production', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), CONSUMER_TEST_TRANSIENT_FAILURES: 'a:1' })).toThrow(
      /CONSUMER_TEST_TRANSIENT_FAILURES/,
    );
  });
});
