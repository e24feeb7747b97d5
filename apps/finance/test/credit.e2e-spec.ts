import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import {
  DEMO_CUSTOMERS,
  Envelope,
  FinanceCreditUpdated,
  FinanceCreditUpdatedV1,
  fromMinorUnits,
  SalesCustomerRegistered,
  SalesCustomerRegisteredV1,
  SalesOrderReceived,
  SalesOrderReceivedV1,
  toMinorUnits,
} from '@opm/contracts';
import { eventually, KafkaTestClient, ReceivedMessage, testDatabaseUrl, TestStack } from '@opm/testing';

function envelope<P>(type: string, orderId: string | null, payload: P, eventId: string = randomUUID()): Envelope<P> {
  return {
    eventId,
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    orderId,
    correlationId: randomUUID(),
    causationId: null,
    actor: { username: 'sales.staff', department: 'SALES', role: 'STAFF' },
    payload,
  };
}

const registration = (customerId: string, eventId?: string): Envelope<SalesCustomerRegistered> =>
  envelope(
    SalesCustomerRegisteredV1.type,
    null,
    { customerId, name: 'Ningbo Port Cranes Ltd.', contactPerson: 'Sun Mei', phone: '+86 574 5555 0404', email: null, address: 'Beilun, Ningbo' },
    eventId,
  );

const orderReceived = (customerId: string, totalAmount: string, currency = 'CNY'): Envelope<SalesOrderReceived> => {
  const orderId = randomUUID();
  return envelope(SalesOrderReceivedV1.type, orderId, {
    orderId,
    number: 'SO-2026-900777',
    channel: 'PHONE',
    customerId,
    orderDate: '2026-11-26',
    deliveryDate: '2027-03-01',
    deliveryPlace: 'Ningbo',
    paymentTerms: '30 days net',
    currency,
    totalAmount,
    lines: [{ lineNo: 1, productCode: 'P-100', productName: null, specification: null, quantity: 1, unitPrice: totalAmount, amount: totalAmount }],
    specialRequirements: { customization: null, packaging: null, transportMode: null, other: null },
  });
};

/** Finance's credit accounts (R2.4), reached directly at the finance service, on the real broker and database. */
describe('finance: credit accounts (e2e)', () => {
  let stack: TestStack;
  let finance: ReturnType<typeof request>;
  let creditEvents: ReceivedMessage[];
  const kafka = new KafkaTestClient();
  const db = new Client({ connectionString: testDatabaseUrl('finance') });
  const customerId = randomUUID();

  beforeAll(async () => {
    stack = await TestStack.start({ services: ['finance'] });
    finance = request(stack.member('finance').baseUrl);
    await db.connect();
    creditEvents = await kafka.listen(FinanceCreditUpdatedV1.topic);
  }, 120_000);

  afterAll(async () => {
    await kafka.close();
    await db.end();
    await stack?.stop();
  });

  const as = (username: string) => stack.bearer(username);
  const credit = async (id: string, username = 'finance.staff') => (await finance.get(`/customers/${id}/credit`).set('authorization', await as(username))).body;
  /** This customer's credit events on the topic, parsed, in the order they were published. */
  const eventsFor = (id: string): Envelope<FinanceCreditUpdated>[] =>
    creditEvents.filter((m) => m.key === id && m.value !== null).map((m) => JSON.parse(m.value as string) as Envelope<FinanceCreditUpdated>);
  const handled = async (eventId: string) => {
    const r = await db.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [eventId]);
    expect(r.rowCount).toBe(1);
  };

  it('R2.4 the demo customers have their credit standing from the demo seed, announced for sales', async () => {
    for (const demo of DEMO_CUSTOMERS) {
      const account = await credit(demo.id, 'sales.staff');
      expect(account).toMatchObject({ customerId: demo.id, customerName: demo.name, creditLimit: demo.creditLimit, currency: 'CNY', overdueAmount: demo.overdueAmount, version: 1 });
      // Other runs may have sent orders for the demo customers: whatever the exposure, the arithmetic must hold.
      expect(toMinorUnits(account.exposure)).toBe(toMinorUnits(account.openOrderAmount) + toMinorUnits(account.openInvoiceAmount));
      expect(account.available).toBe(fromMinorUnits(toMinorUnits(demo.creditLimit) - toMinorUnits(account.exposure)));
    }
    await eventually(async () => {
      const sent = await db.query(`SELECT message_key FROM outbox WHERE topic = $1 AND sent_at IS NOT NULL`, [FinanceCreditUpdatedV1.topic]);
      expect(sent.rows.map((r) => r.message_key)).toEqual(expect.arrayContaining(DEMO_CUSTOMERS.map((c) => c.id)));
    });
  });

  it('R2.4 a customer registered by sales gets a credit account without a limit, announced on Kafka', async () => {
    const event = registration(customerId);
    await kafka.produce(SalesCustomerRegisteredV1.topic, [{ key: customerId, value: JSON.stringify(event) }]);
    const account = await eventually(async () => {
      const res = await finance.get(`/customers/${customerId}/credit`).set('authorization', await as('sales.head'));
      expect(res.status).toBe(200);
      return res.body;
    });
    expect(account).toEqual({
      customerId,
      customerName: 'Ningbo Port Cranes Ltd.',
      creditLimit: null,
      currency: 'CNY',
      openOrderAmount: '0.00',
      openInvoiceAmount: '0.00',
      exposure: '0.00',
      overdueAmount: '0.00',
      available: null,
      version: 1,
      updatedAt: expect.any(String),
    });
    const [published] = await eventually(async () => {
      const found = eventsFor(customerId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(published).toMatchObject({ type: FinanceCreditUpdatedV1.type, orderId: null, causationId: event.eventId });
    expect(published.payload).toEqual({
      customerId,
      creditLimit: null,
      currency: 'CNY',
      openOrderAmount: '0.00',
      openInvoiceAmount: '0.00',
      exposure: '0.00',
      overdueAmount: '0.00',
      updatedAt: expect.any(String),
    });
  });

  it('R2.4 the finance head sets the limit: stored, audited with before and after, announced on Kafka', async () => {
    const res = await finance
      .put(`/customers/${customerId}/credit`)
      .set('authorization', await as('finance.head'))
      .set('if-match', '1')
      .send({ creditLimit: '50000', currency: 'CNY', reason: 'first order expected in December' })
      .expect(200);
    expect(res.body).toMatchObject({ customerId, creditLimit: '50000.00', exposure: '0.00', available: '50000.00', version: 2 });
    expect(await credit(customerId, 'leader')).toMatchObject({ creditLimit: '50000.00', version: 2 });

    await eventually(async () => expect(eventsFor(customerId).map((e) => e.payload.creditLimit)).toEqual([null, '50000.00']));
    expect(eventsFor(customerId)[1].actor).toMatchObject({ username: 'finance.head', department: 'FINANCE', role: 'HEAD' });

    const audit = await db.query(
      `SELECT action, actor, reason, before, after FROM audit_entry WHERE entity_type = 'credit-account' AND entity_id = $1 ORDER BY seq`,
      [customerId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['credit-account.opened', 'credit-limit.set']);
    expect(audit.rows[1]).toMatchObject({
      actor: { username: 'finance.head' },
      reason: 'first order expected in December',
      before: { creditLimit: null, version: 1 },
      after: { creditLimit: '50000.00', available: '50000.00', version: 2 },
    });
  });

  it('N3 a stale If-Match is 409 and changes nothing', async () => {
    const stale = await finance
      .put(`/customers/${customerId}/credit`)
      .set('authorization', await as('finance.head'))
      .set('if-match', '1')
      .send({ creditLimit: '1.00', currency: 'CNY' })
      .expect(409);
    expect(stale.body).toMatchObject({ status: 409, currentVersion: 2 });
    expect(await credit(customerId)).toMatchObject({ creditLimit: '50000.00', version: 2 });
    await finance.put(`/customers/${customerId}/credit`).set('authorization', await as('finance.head')).set('if-match', 'soon').send({ creditLimit: '1.00', currency: 'CNY' }).expect(400);
  });

  it('R1.2 only the finance head sets a limit; sales, finance and management read it, others may not', async () => {
    for (const user of ['sales.staff', 'sales.head', 'finance.staff', 'leader']) {
      const res = await finance.put(`/customers/${customerId}/credit`).set('authorization', await as(user)).send({ creditLimit: '1.00', currency: 'CNY' }).expect(403);
      expect(res.body.detail).toContain('FINANCE HEAD');
      await finance.get(`/customers/${customerId}/credit`).set('authorization', await as(user)).expect(200);
    }
    for (const user of ['production.head', 'marketing.staff', 'archive.staff']) {
      await finance.get(`/customers/${customerId}/credit`).set('authorization', await as(user)).expect(403);
    }
    await finance.get(`/customers/${customerId}/credit`).expect(401);
    expect(await credit(customerId)).toMatchObject({ creditLimit: '50000.00', version: 2 });
  });

  it('N5 a bad body is 400 naming every bad field; an unknown customer is 404; a bad id is 400', async () => {
    const auth = await as('finance.head');
    const bad = await finance.put(`/customers/${customerId}/credit`).set('authorization', auth).send({ creditLimit: 50000.5, currency: 'yuan', limit: '1' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['creditLimit', 'currency', 'limit']));
    for (const creditLimit of ['-1.00', '1.005', 'lots', '']) {
      const res = await finance.put(`/customers/${customerId}/credit`).set('authorization', auth).send({ creditLimit, currency: 'CNY' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['creditLimit']);
    }
    const missing = await finance.put(`/customers/${customerId}/credit`).set('authorization', auth).send({}).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['creditLimit', 'currency']));
    const unknown = randomUUID();
    const nf = await finance.put(`/customers/${unknown}/credit`).set('authorization', auth).send({ creditLimit: '1.00', currency: 'CNY' }).expect(404);
    expect(nf.body.detail).toContain(unknown);
    await finance.get(`/customers/${unknown}/credit`).set('authorization', auth).expect(404);
    const badId = await finance.get('/customers/not-a-uuid/credit').set('authorization', auth).expect(400);
    expect(badId.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    expect(await credit(customerId)).toMatchObject({ creditLimit: '50000.00', version: 2 });
  });

  it('R2.4 orders reaching finance count in the exposure, to the cent, in the account currency', async () => {
    const orders = [orderReceived(customerId, '1234.50'), orderReceived(customerId, '0.25'), orderReceived(customerId, '999.00', 'USD')];
    for (const o of orders) await kafka.produce(SalesOrderReceivedV1.topic, [{ key: o.payload.orderId, value: JSON.stringify(o) }]);
    await eventually(async () => {
      for (const o of orders) await handled(o.eventId);
    });
    expect(await credit(customerId)).toMatchObject({ openOrderAmount: '1234.75', exposure: '1234.75', available: '48765.25', version: 2 });
  });

  it('R2.4 a repeated registration of a known customer changes nothing (demo seed or limit already there)', async () => {
    const again = registration(customerId);
    const demo = DEMO_CUSTOMERS[2];
    const demoAgain = registration(demo.id);
    await kafka.produce(SalesCustomerRegisteredV1.topic, [
      { key: customerId, value: JSON.stringify(again) },
      { key: demo.id, value: JSON.stringify(demoAgain) },
    ]);
    await eventually(async () => {
      await handled(again.eventId);
      await handled(demoAgain.eventId);
    });
    expect(await credit(customerId)).toMatchObject({ creditLimit: '50000.00', version: 2 });
    expect(await credit(demo.id)).toMatchObject({ customerName: demo.name, creditLimit: demo.creditLimit, overdueAmount: demo.overdueAmount, version: 1 });
  });

  it('R2.4 registration first, demo seed after: the seed completes the account at start-up; limits set since are kept', async () => {
    const demo = DEMO_CUSTOMERS[1];
    await stack.member('finance').stop();
    // The state the registration event leaves when it arrives before the seed: an account without a limit.
    await db.query(`UPDATE credit_account SET "creditLimit" = NULL WHERE "customerId" = $1`, [demo.id]);
    await stack.member('finance').start();
    expect(await credit(demo.id)).toMatchObject({ creditLimit: demo.creditLimit, overdueAmount: demo.overdueAmount, version: 1 });
    expect(await credit(customerId)).toMatchObject({ creditLimit: '50000.00', version: 2 });
    const seededTwice = await db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'credit-account.seeded' AND entity_id = $1`, [demo.id]);
    expect(seededTwice.rows[0].n).toBe(2);
  });
});
