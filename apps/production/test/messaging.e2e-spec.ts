import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { deadLetterTopic, SalesOrderDetailsChangedV1, SalesOrderReceivedV1 } from '@opm/contracts';
import { eventually, KafkaTestClient, mintToken, orderReceivedEvent, testDatabaseUrl, TestStack } from '@opm/testing';

/** The platform's inbox and dead-letter path, seen from a department service consuming from the real broker. */
describe('messaging: inbox and dead letters (e2e, real Kafka and PostgreSQL)', () => {
  let stack: TestStack;
  const kafka = new KafkaTestClient();
  const db = new Client({ connectionString: testDatabaseUrl('production') });

  beforeAll(async () => {
    stack = await TestStack.start({ services: ['production'], gateway: false });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await kafka.close();
    await db.end();
    await stack?.stop();
  });

  const production = () => stack.member('production').baseUrl;
  const hasOrder = async (orderId: string) => {
    const token = await mintToken({ username: 'production.staff', department: 'PRODUCTION', role: 'STAFF' });
    const res = await fetch(`${production()}/production/orders/${orderId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  };

  it('N2 the same event delivered twice changes the department data once', async () => {
    const orderId = randomUUID();
    const event = JSON.stringify(orderReceivedEvent(orderId));
    const marker = orderReceivedEvent(randomUUID());
    // Same key, same partition: once the marker is applied, both copies before it have been handled.
    await kafka.produce(SalesOrderReceivedV1.topic, [
      { key: orderId, value: event },
      { key: orderId, value: event },
      { key: orderId, value: JSON.stringify(marker) },
    ]);
    await eventually(() => hasOrder(marker.payload.orderId));
    const eventId = JSON.parse(event).eventId;
    const inbox = await db.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [eventId]);
    const orders = await db.query('SELECT count(*)::int AS n FROM received_order WHERE "orderId" = $1', [orderId]);
    const dead = await db.query('SELECT count(*)::int AS n FROM dead_letter WHERE message_key = $1', [orderId]);
    expect({ inbox: inbox.rows[0].n, orders: orders.rows[0].n, dead: dead.rows[0].n }).toEqual({ inbox: 1, orders: 1, dead: 0 });
  });

  it('N2 a malformed message lands in the dead-letter topic and the next good message is still processed', async () => {
    const dlq = await kafka.listen(deadLetterTopic(SalesOrderReceivedV1.topic));
    const badKey = `poison-${randomUUID()}`;
    const good = orderReceivedEvent(randomUUID());
    const wrongPayload = { ...orderReceivedEvent(randomUUID()), payload: { orderId: 'not-a-uuid' } };
    const wrongKey = `poison-${randomUUID()}`;
    await kafka.produce(SalesOrderReceivedV1.topic, [
      { key: badKey, value: '{"this is": not json' },
      { key: wrongKey, value: JSON.stringify(wrongPayload) },
      { key: good.payload.orderId, value: JSON.stringify(good) },
    ]);
    await eventually(() => hasOrder(good.payload.orderId));
    const dead = await eventually(async () => {
      const found = [badKey, wrongKey].map((k) => dlq.find((m) => m.key === k));
      expect(found.every(Boolean)).toBe(true);
      return found as NonNullable<(typeof found)[number]>[];
    });
    expect(dead[0].headers['x-dlq-error']).toContain('not JSON');
    expect(dead[0].value).toBe('{"this is": not json');
    expect(dead[1].headers['x-dlq-error']).toContain('payload');
    expect(dead[1].headers['x-dlq-consumer']).toBe('production.received-orders');
    const local = await db.query('SELECT message_key FROM dead_letter WHERE message_key = ANY($1)', [[badKey, wrongKey]]);
    expect(local.rowCount).toBe(2);
  });

  it('N2 an event that arrives before the one it builds on waits and is applied after it, not dead-lettered', async () => {
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
    // Different topics have no order between them: the change comes first.
    await kafka.produce(SalesOrderDetailsChangedV1.topic, [{ key: orderId, value: JSON.stringify(changed) }]);
    await new Promise((r) => setTimeout(r, 1500));
    await kafka.produce(SalesOrderReceivedV1.topic, [{ key: orderId, value: JSON.stringify(received) }]);
    await eventually(async () => {
      const { rows } = await db.query('SELECT "deliveryDate"::text AS d FROM received_order WHERE "orderId" = $1', [orderId]);
      expect(rows[0]?.d).toBe('2027-06-30');
    }, { timeoutMs: 60_000 });
    const dead = await db.query('SELECT count(*)::int AS n FROM dead_letter WHERE message_key = $1', [orderId]);
    expect(dead.rows[0].n).toBe(0);
  }, 90_000);
});

