import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SalesOrderDetailsChangedV1, SalesOrderReceivedV1 } from '@opm/contracts';
import { eventually, KafkaTestClient, orderReceivedEvent, testDatabaseUrl, TestStack } from '@opm/testing';

/** Allowed failures before the hook lets a message of `production.received-orders` through (each a real 40001). */
const INJECTED_FAILURES = 4;
const RETRY_INITIAL_MS = 200;

/**
 * Issue 11, items 8b and 8c, on the real broker and database: the production service consuming from Kafka with
 * the consumer policy, its dead letters replayed by an operator through the gateway.
 */
describe('consumer policy: transient failures and dead-letter replay (e2e, real Kafka and PostgreSQL)', () => {
  let stack: TestStack;
  const kafka = new KafkaTestClient();
  const db = new Client({ connectionString: testDatabaseUrl('production') });

  beforeAll(async () => {
    stack = await TestStack.start({
      services: ['production'],
      env: {
        CONSUMER_TEST_TRANSIENT_FAILURES: `production.received-orders:${INJECTED_FAILURES}`,
        CONSUMER_RETRY_INITIAL_MS: String(RETRY_INITIAL_MS),
        CONSUMER_MAX_ATTEMPTS: '3',
        CONSUMER_NOT_YET_APPLICABLE_MAX_SECONDS: '2',
      },
    });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await kafka.close();
    await db.end();
    await stack?.stop();
  });

  const count = async (sql: string, params: unknown[]): Promise<number> => (await db.query(sql, params)).rows[0].n;
  const api = async (method: 'GET' | 'POST', path: string, username: string) => {
    const res = await fetch(`${stack.api}${path}`, { method, headers: { authorization: await stack.bearer(username) } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('issue-11.8b a transient database failure in a handler is retried past CONSUMER_MAX_ATTEMPTS, not dead-lettered, and applied once', async () => {
    const orderId = randomUUID();
    const event = orderReceivedEvent(orderId);
    const started = Date.now();
    await kafka.produce(SalesOrderReceivedV1.topic, [{ key: orderId, value: JSON.stringify(event) }]);
    await eventually(async () => expect(await count('SELECT count(*)::int AS n FROM received_order WHERE "orderId" = $1', [orderId])).toBe(1), {
      timeoutMs: 60_000,
    });
    // Four failures, each followed by its backoff (200 + 400 + 800 + 1600 ms) with the partition paused.
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(RETRY_INITIAL_MS * (2 ** INJECTED_FAILURES - 1));
    expect(await count('SELECT count(*)::int AS n FROM dead_letter WHERE message_key = $1', [orderId])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [event.eventId])).toBe(1);
  }, 90_000);

  it('issue-11.8c issue-11.3 a message that waited too long is dead-lettered, and replayed twice through the endpoint it applies once', async () => {
    const received = orderReceivedEvent(randomUUID());
    const orderId = received.payload.orderId;
    const changed = {
      ...orderReceivedEvent(orderId),
      type: SalesOrderDetailsChangedV1.type,
      payload: {
        orderId,
        contactPerson: 'Li Wei',
        contactPhone: '+86 21 5555 0101',
        deliveryDate: '2027-06-30',
        deliveryPlace: 'Pudong',
        paymentTerms: '30 days net',
        specialRequirements: received.payload.specialRequirements,
        currency: 'CNY',
        totalAmount: '10.00',
        lines: received.payload.lines,
      },
    };
    // The change arrives for an order production never received: it waits 2 s (the bound), then is dead-lettered.
    await kafka.produce(SalesOrderDetailsChangedV1.topic, [{ key: orderId, value: JSON.stringify(changed) }]);
    const dead = await eventually(
      async () => {
        const { rows } = await db.query(`SELECT id, kind, error FROM dead_letter WHERE message_key = $1 AND topic = $2`, [orderId, SalesOrderDetailsChangedV1.topic]);
        expect(rows).toHaveLength(1);
        return rows[0] as { id: string; kind: string; error: string };
      },
      { timeoutMs: 60_000 },
    );
    expect(dead.kind).toBe('not-yet-applicable');
    expect(dead.error).toMatch(/^not yet applicable after waiting \d+ s \(limit 2 s\): order .* has not reached production yet$/);

    // The operator sees it (production's staff may not), and fixes the cause: the order arrives.
    expect((await api('GET', '/production/dead-letters?status=pending', 'production.staff')).status).toBe(403);
    const listed = await api('GET', '/production/dead-letters?status=pending', 'production.head');
    expect(listed.status).toBe(200);
    expect((listed.body.items as { id: number }[]).map((d) => d.id)).toContain(Number(dead.id));
    await kafka.produce(SalesOrderReceivedV1.topic, [{ key: orderId, value: JSON.stringify(received) }]);
    await eventually(async () => expect(await count('SELECT count(*)::int AS n FROM received_order WHERE "orderId" = $1', [orderId])).toBe(1), {
      timeoutMs: 60_000,
    });

    // Replayed twice: the change is applied once.
    const first = await api('POST', `/production/dead-letters/${dead.id}/replay`, 'leader');
    expect(first).toMatchObject({ status: 202, body: { id: Number(dead.id), replayCount: 1, replayedBy: 'leader' } });
    const second = await api('POST', `/production/dead-letters/${dead.id}/replay`, 'production.head');
    expect(second).toMatchObject({ status: 202, body: { replayCount: 2, replayedBy: 'production.head' } });
    await eventually(
      async () => {
        const { rows } = await db.query('SELECT "deliveryDate"::text AS d FROM received_order WHERE "orderId" = $1', [orderId]);
        expect(rows[0]?.d).toBe('2027-06-30');
      },
      { timeoutMs: 30_000 },
    );
    // Both replays have gone out (the relay marks them sent once the broker has them); a later change of the same
    // order (same key, same partition) applied means both were consumed before it.
    await eventually(async () => expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND sent_at IS NOT NULL`, [orderId])).toBe(2));
    const marker = { ...changed, eventId: randomUUID(), payload: { ...changed.payload, deliveryDate: '2027-07-31' } };
    await kafka.produce(SalesOrderDetailsChangedV1.topic, [{ key: orderId, value: JSON.stringify(marker) }]);
    await eventually(async () => {
      const { rows } = await db.query('SELECT "deliveryDate"::text AS d FROM received_order WHERE "orderId" = $1', [orderId]);
      expect(rows[0]?.d).toBe('2027-07-31');
    });
    expect(await count('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [changed.eventId])).toBe(1);
    // One change from the replays, one from the marker.
    expect(await count(`SELECT count(*)::int AS n FROM audit_entry WHERE order_id = $1 AND action = 'order.details-changed'`, [orderId])).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'dead-letter.replayed'`, [String(dead.id)])).toBe(2);
    expect(await count('SELECT count(*)::int AS n FROM dead_letter WHERE message_key = $1', [orderId])).toBe(1);
  }, 150_000);
});
