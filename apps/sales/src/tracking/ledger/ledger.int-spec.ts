import { randomUUID } from 'node:crypto';
import { ProductionProblemRaisedV1, ProductionTaskProgressedV1 } from '@opm/contracts';
import { type EventContext, NotFoundProblem, type Principal } from '@opm/platform';
import type { AppContext } from '@opm/testing';
import { customer, newOrder, recordOrder, startSales } from '../../test/sales-context';
import { LedgerConsumer } from './ledger.controller';
import { LedgerService } from './ledger.service';

const reader: Principal = { username: 'marketing.staff', department: 'MARKETING', role: 'STAFF' };
let offset = 1000;

/** A message as the Kafka transport hands it to a handler. */
function delivery(topic: string, envelope: object, headers: Record<string, string> = {}, at = (offset += 1)): EventContext {
  const value = JSON.stringify(envelope);
  return { getTopic: () => topic, getPartition: () => 0, getMessage: () => ({ offset: String(at), key: (envelope as { orderId: string }).orderId, value, headers }) };
}

const envelopeOf = <P>(type: string, orderId: string, payload: P) => ({
  eventId: randomUUID(),
  type,
  version: 1,
  occurredAt: new Date().toISOString(),
  orderId,
  correlationId: 'it-ledger',
  causationId: null,
  actor: { username: 'production.staff', department: 'PRODUCTION', role: 'STAFF' },
  payload,
});

const problem = (orderId: string, description: string) =>
  envelopeOf(ProductionProblemRaisedV1.type, orderId, { orderId, planId: randomUUID(), problemId: randomUUID(), kind: 'EQUIPMENT_FAILURE', severity: 'MAJOR', description, raisedBy: 'production.staff', raisedAt: new Date().toISOString() });
const progress = (orderId: string, percent: number) =>
  envelopeOf(ProductionTaskProgressedV1.type, orderId, { orderId, planId: randomUUID(), taskId: randomUUID(), taskName: 'Machining', progressPercent: percent, status: percent === 100 ? 'DONE' : 'IN_PROGRESS', planStatus: 'IN_PROGRESS', note: null, reportedBy: 'production.staff', reportedAt: new Date().toISOString() });

/**
 * The tracking ledger on the real PostgreSQL (R6.2): sales' own events read back from its outbox and a production
 * event, fed to the ledger's consumer as the transport would; entries numbered per order under the order lock, a
 * redelivery adding nothing.
 */
describe('tracking ledger (PostgreSQL)', () => {
  let ctx: AppContext;
  let consumer: LedgerConsumer;
  let ledger: LedgerService;

  beforeAll(async () => {
    ctx = await startSales('ledger');
    consumer = ctx.app.get(LedgerConsumer);
    ledger = ctx.app.get(LedgerService);
  });
  afterAll(() => ctx?.close());

  const outbox = async (orderId: string): Promise<{ seq: string; topic: string; value: { type: string } }[]> => ctx.dataSource.query(`SELECT seq::text AS seq, topic, value FROM outbox WHERE message_key = $1 ORDER BY seq`, [orderId]);
  const rows = async (orderId: string): Promise<{ seq: number; kind: string; eventId: string }[]> =>
    ctx.dataSource.query(`SELECT seq, kind, "eventId" FROM sales_ledger_entry WHERE "orderId" = $1 ORDER BY seq`, [orderId]);
  /** Feeds a sales event to its handler: the consumer's method for the topic. */
  const feed = (topic: string, message: EventContext) => {
    const handler = Object.getOwnPropertyNames(LedgerConsumer.prototype).find((name) => Reflect.getMetadata('microservices:pattern', (LedgerConsumer.prototype as unknown as Record<string, object>)[name])?.[0] === topic);
    if (!handler) throw new Error(`no ledger handler for ${topic}`);
    return (consumer as unknown as Record<string, (m: EventContext) => Promise<void>>)[handler](message);
  };

  it('R6.2 records an order\'s own facts and a department\'s, one entry each, numbered in the order sales wrote them although taken in reverse', async () => {
    const order = await recordOrder(ctx, newOrder(await customer(ctx)));
    const events = await outbox(order.id);
    expect(events.map((e) => e.topic)).toContain('sales.order.received.v1');
    expect(new Set(events.map((e) => e.topic)).size).toBeGreaterThan(2);
    // The relay's header carries the outbox seq; the three topics reach the ledger last-written first.
    for (const e of [...events].reverse()) await feed(e.topic, delivery(e.topic, e.value, { 'x-outbox-seq': e.seq }));
    await consumer.onProductionProblemRaised(delivery(ProductionProblemRaisedV1.topic, problem(order.id, 'spindle bearing failed')));
    const view = await ledger.ledger(order.id, reader);
    expect(view.entries.map((e) => e.seq)).toEqual(view.entries.map((_, i) => i + 1));
    expect(view.entries[0]).toMatchObject({ seq: 1, department: 'SALES', kind: 'ORDER_RECEIVED', summary: expect.stringContaining(order.number), ref: { type: 'order', id: order.id } });
    expect(view.entries.at(-1)).toMatchObject({ department: 'PRODUCTION', actor: 'production.staff', kind: 'PROBLEM_RAISED', summary: 'MAJOR problem raised (equipment failure): spindle bearing failed', ref: { type: 'production-problem' } });
    expect(view.entries.length).toBe(events.filter((e) => e.topic.startsWith('sales.order.')).length + 1);
    expect((await rows(order.id)).slice(0, -1).map((r) => r.eventId)).toEqual(events.filter((e) => e.topic.startsWith('sales.order.')).map((e) => (e.value as unknown as { eventId: string }).eventId));
  });

  it('R6.2 a redelivered event adds nothing: the same message again, or the same event at another offset', async () => {
    const order = await recordOrder(ctx, newOrder(await customer(ctx)));
    const raised = problem(order.id, 'coolant pump leaking');
    const message = delivery(ProductionProblemRaisedV1.topic, raised);
    await consumer.onProductionProblemRaised(message);
    await consumer.onProductionProblemRaised(message);
    await consumer.onProductionProblemRaised(delivery(ProductionProblemRaisedV1.topic, raised));
    expect((await rows(order.id)).filter((r) => r.eventId === raised.eventId)).toHaveLength(1);
  });

  it('R6.2 facts of one order entered at once queue on the order lock: every seq taken once, none skipped', async () => {
    const order = await recordOrder(ctx, newOrder(await customer(ctx)));
    const events = [...Array.from({ length: 6 }, (_, i) => progress(order.id, (i + 1) * 10)), ...Array.from({ length: 6 }, (_, i) => problem(order.id, `problem ${i}`))];
    await Promise.all(
      events.map((e) =>
        e.type === ProductionTaskProgressedV1.type ? consumer.onProductionTaskProgressed(delivery(ProductionTaskProgressedV1.topic, e)) : consumer.onProductionProblemRaised(delivery(ProductionProblemRaisedV1.topic, e)),
      ),
    );
    const entered = await rows(order.id);
    expect(entered.map((r) => r.seq)).toEqual(entered.map((_, i) => i + 1));
    expect(new Set(entered.map((r) => r.eventId))).toEqual(new Set(events.map((e) => e.eventId)));
  });

  it('R6.2 a fact of an order sales does not hold is skipped, not retried (it would hold its partition back); an unknown order has no ledger (404)', async () => {
    const unknown = randomUUID();
    await consumer.onProductionProblemRaised(delivery(ProductionProblemRaisedV1.topic, problem(unknown, 'stale')));
    expect(await rows(unknown)).toEqual([]);
    await expect(ledger.ledger(unknown, reader)).rejects.toBeInstanceOf(NotFoundProblem);
  });
});
