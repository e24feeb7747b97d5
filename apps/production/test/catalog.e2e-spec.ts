import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { Envelope, Product, ProductionProductUpdatedV1 } from '@opm/contracts';
import { eventually, KafkaTestClient, ReceivedMessage, testDatabaseUrl, TestStack } from '@opm/testing';

const DEMO_CODES = ['P-100', 'P-200', 'P-300', 'P-400'];

function newProduct(code: string): Record<string, unknown> {
  return {
    code,
    name: 'Pump bracket PB-7',
    specifications: ['PB-7 galvanised', 'PB-7 powder coated'],
    leadTimeDays: 25,
    capacityUse: [
      { workCentre: 'MACHINING', hoursPerUnit: 0.35 },
      { workCentre: 'ASSEMBLY', hoursPerUnit: 0.1 },
    ],
    bomRef: null,
    standardCost: '14.5',
    currency: 'CNY',
  };
}

/** The product catalog and work centres production owns, through the gateway, on the real broker and database. */
describe('production: product catalog and work centres (e2e)', () => {
  let stack: TestStack;
  let gateway: ReturnType<typeof request>;
  let productEvents: ReceivedMessage[];
  const kafka = new KafkaTestClient();
  const db = new Client({ connectionString: testDatabaseUrl('production') });

  beforeAll(async () => {
    stack = await TestStack.start({ services: ['production'] });
    gateway = request(stack.member('gateway').baseUrl);
    await db.connect();
    productEvents = await kafka.listen(ProductionProductUpdatedV1.topic);
  }, 120_000);

  afterAll(async () => {
    await kafka.close();
    await db.end();
    await stack?.stop();
  });

  const as = (username: string) => stack.bearer(username);
  /** The product events for one code this run produced, parsed (the topic also holds other runs' messages). */
  const eventsFor = (code: string): Envelope<Product>[] =>
    productEvents.filter((m) => m.key === code && m.value !== null).map((m) => JSON.parse(m.value as string) as Envelope<Product>);
  const auditFor = async (code: string) =>
    (await db.query(`SELECT action, actor, reason, before, after FROM audit_entry WHERE entity_type = 'product' AND entity_id = $1 ORDER BY seq`, [code])).rows;

  it('R2.4 GET /products lists the demo catalog to any signed-in user, paged and filtered by active', async () => {
    const res = await gateway.get('/api/v1/products').set('authorization', await as('sales.staff')).expect(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 50 });
    expect(res.body.items.map((p: Product) => p.code)).toEqual(expect.arrayContaining(DEMO_CODES));
    expect(res.body.total).toBeGreaterThanOrEqual(4);
    expect(res.body.items.find((p: Product) => p.code === 'P-100')).toEqual({
      code: 'P-100',
      name: 'Steel flange DN100',
      specifications: ['DN100 PN16', 'DN100 PN25', '304 stainless'],
      leadTimeDays: 30,
      capacityUse: [
        { workCentre: 'MACHINING', hoursPerUnit: 0.2 },
        { workCentre: 'ASSEMBLY', hoursPerUnit: 0.05 },
      ],
      bomRef: 'BOM-P-100',
      standardCost: '8.40',
      currency: 'CNY',
      active: true,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const p300 = await gateway.get('/api/v1/products/P-300').set('authorization', await as('quality.head')).expect(200);
    expect(p300.body).toMatchObject({ leadTimeDays: 60, standardCost: '310.00', capacityUse: [{ workCentre: 'MACHINING', hoursPerUnit: 2 }, { workCentre: 'ASSEMBLY', hoursPerUnit: 1 }, { workCentre: 'TESTING', hoursPerUnit: 0.5 }] });

    const page = await gateway.get('/api/v1/products?pageSize=2&page=2').set('authorization', await as('logistics.staff')).expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 2, total: res.body.total });
    expect(page.body.items.map((p: Product) => p.code)).toEqual(['P-300', 'P-400']);
    const inactive = await gateway.get('/api/v1/products?active=false').set('authorization', await as('sales.staff')).expect(200);
    expect(inactive.body.items.every((p: Product) => !p.active)).toBe(true);
    expect(inactive.body.items.map((p: Product) => p.code)).not.toContain('P-100');

    const bad = await gateway.get('/api/v1/products?pageSize=201&active=maybe').set('authorization', await as('sales.staff')).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['pageSize', 'active']));
    const missing = await gateway.get('/api/v1/products/P-999').set('authorization', await as('sales.staff')).expect(404);
    expect(missing.body).toMatchObject({ status: 404, detail: 'product P-999 not found' });
    await gateway.get('/api/v1/products').expect(401);
  });

  it('R3.3 GET /work-centres lists the work centres with daily hours and calendar exceptions', async () => {
    const res = await gateway.get('/api/v1/work-centres').set('authorization', await as('production.staff')).expect(200);
    const byCode = Object.fromEntries(res.body.items.map((c: { code: string }) => [c.code, c]));
    expect(Object.keys(byCode)).toEqual(['ASSEMBLY', 'MACHINING', 'TESTING']);
    expect([byCode.MACHINING.hoursPerDay, byCode.ASSEMBLY.hoursPerDay, byCode.TESTING.hoursPerDay]).toEqual([16, 8, 8]);
    expect(byCode.MACHINING.calendarExceptions).toEqual(
      expect.arrayContaining([
        { date: '2026-12-15', hours: 8, reason: 'planned maintenance, one shift' },
        { date: '2027-01-01', hours: 0, reason: 'public holiday' },
      ]),
    );
    const one = await gateway.get('/api/v1/work-centres/TESTING').set('authorization', await as('sales.staff')).expect(200);
    expect(one.body).toMatchObject({ code: 'TESTING', hoursPerDay: 8 });
    await gateway.get('/api/v1/work-centres/PAINTING').set('authorization', await as('sales.staff')).expect(404);
  });

  it('R2.4 the demo catalog is announced through the outbox at start-up (sales builds its copy from it) and audited', async () => {
    await eventually(async () => {
      const sent = await db.query(`SELECT message_key FROM outbox WHERE topic = $1 AND sent_at IS NOT NULL ORDER BY seq`, [ProductionProductUpdatedV1.topic]);
      expect(sent.rows.map((r) => r.message_key)).toEqual(DEMO_CODES);
    });
    const audit = await auditFor('P-100');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'product.created', reason: 'demo data', actor: { username: 'system:production' } });
  });

  it('R2.4 a production head creates a product: stored, audited and announced on Kafka keyed by its code', async () => {
    const code = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
    const res = await gateway.post('/api/v1/products').set('authorization', await as('production.head')).send(newProduct(code)).expect(201);
    expect(res.body).toMatchObject({ code, standardCost: '14.50', active: true, bomRef: null, version: 1 });
    await gateway.get(`/api/v1/products/${code}`).set('authorization', await as('sales.staff')).expect(200);

    const [event] = await eventually(async () => {
      const found = eventsFor(code);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(event).toMatchObject({ type: ProductionProductUpdatedV1.type, version: 1, orderId: null, actor: { username: 'production.head' } });
    expect(event.payload).toEqual({
      code,
      name: 'Pump bracket PB-7',
      specifications: ['PB-7 galvanised', 'PB-7 powder coated'],
      leadTimeDays: 25,
      capacityUse: [
        { workCentre: 'MACHINING', hoursPerUnit: 0.35 },
        { workCentre: 'ASSEMBLY', hoursPerUnit: 0.1 },
      ],
      bomRef: null,
      standardCost: '14.50',
      currency: 'CNY',
      active: true,
    });
    const audit = await auditFor(code);
    expect(audit).toEqual([expect.objectContaining({ action: 'product.created', actor: expect.objectContaining({ username: 'production.head' }), before: null })]);
    expect(audit[0].after).toMatchObject({ code, standardCost: '14.50', version: 1 });

    const again = await gateway.post('/api/v1/products').set('authorization', await as('technical.head')).send(newProduct(code)).expect(409);
    expect(again.body.detail).toContain(`product ${code} already exists`);
  });

  it('R2.4 a create repeated with the same Idempotency-Key returns the first answer and creates nothing more', async () => {
    const code = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
    const key = randomUUID();
    const auth = await as('production.head');
    const first = await gateway.post('/api/v1/products').set('authorization', auth).set('idempotency-key', key).send(newProduct(code)).expect(201);
    const repeat = await gateway.post('/api/v1/products').set('authorization', auth).set('idempotency-key', key).send(newProduct(code)).expect(201);
    expect(repeat.body).toEqual(first.body);
    expect(await auditFor(code)).toHaveLength(1);
  });

  it('R1.2 only the production and technical heads maintain the catalog', async () => {
    const code = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
    for (const user of ['sales.staff', 'production.staff', 'finance.head', 'leader']) {
      const res = await gateway.post('/api/v1/products').set('authorization', await as(user)).send(newProduct(code)).expect(403);
      expect(res.body.detail).toContain('PRODUCTION HEAD or TECHNICAL HEAD');
      await gateway.put('/api/v1/products/P-100').set('authorization', await as(user)).send({ ...newProduct(code), code: undefined, active: true }).expect(403);
    }
    await gateway.get(`/api/v1/products/${code}`).set('authorization', await as('sales.staff')).expect(404);
    await gateway.post('/api/v1/products').set('authorization', await as('technical.head')).send(newProduct(code)).expect(201);
  });

  it('N5 a bad product body is 400 naming every bad field and stores nothing; unknown work centres are 422', async () => {
    const res = await gateway
      .post('/api/v1/products')
      .set('authorization', await as('production.head'))
      .send({
        code: 'bad code!',
        name: '',
        specifications: 'DN100',
        leadTimeDays: -1,
        capacityUse: [{ workCentre: 'MACHINING', hoursPerUnit: '0.2' }],
        standardCost: 8.4,
        currency: 'cny',
        active: 'yes',
        colour: 'red',
      })
      .expect(400);
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
    const fields = new Set(res.body.errors.map((e: { field: string }) => e.field));
    for (const f of ['code', 'name', 'specifications', 'leadTimeDays', 'capacityUse.0.hoursPerUnit', 'standardCost', 'currency', 'active', 'colour']) {
      expect({ field: f, named: fields.has(f) }).toEqual({ field: f, named: true });
    }
    const nothing = await db.query(`SELECT count(*)::int AS n FROM product WHERE code = 'bad code!'`);
    expect(nothing.rows[0].n).toBe(0);

    const missing = await gateway.post('/api/v1/products').set('authorization', await as('production.head')).send({}).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['code', 'name', 'specifications', 'leadTimeDays', 'capacityUse', 'standardCost', 'currency']),
    );

    const code = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
    const unknownCentre = await gateway
      .post('/api/v1/products')
      .set('authorization', await as('production.head'))
      .send({ ...newProduct(code), capacityUse: [{ workCentre: 'PAINTING', hoursPerUnit: 1 }] })
      .expect(422);
    expect(unknownCentre.body.errors).toEqual([{ field: 'capacityUse.0.workCentre', message: expect.stringContaining('PAINTING') }]);
    await gateway.get(`/api/v1/products/${code}`).set('authorization', await as('sales.staff')).expect(404);
  });

  it('R2.4 PUT replaces a product and announces it; a stale If-Match is 409 and changes nothing (N3)', async () => {
    const code = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
    await gateway.post('/api/v1/products').set('authorization', await as('production.head')).send(newProduct(code)).expect(201);
    const { code: _code, ...fields } = newProduct(code);
    const replaced = await gateway
      .put(`/api/v1/products/${code}`)
      .set('authorization', await as('technical.head'))
      .set('if-match', '1')
      .send({ ...fields, leadTimeDays: 35, specifications: ['PB-7 galvanised'], active: true })
      .expect(200);
    expect(replaced.body).toMatchObject({ code, leadTimeDays: 35, specifications: ['PB-7 galvanised'], version: 2 });

    await eventually(async () => expect(eventsFor(code).map((e) => e.payload.leadTimeDays)).toEqual([25, 35]));
    const audit = await auditFor(code);
    expect(audit.map((a) => a.action)).toEqual(['product.created', 'product.changed']);
    expect(audit[1]).toMatchObject({ actor: { username: 'technical.head' }, before: { leadTimeDays: 25, version: 1 }, after: { leadTimeDays: 35, version: 2 } });

    const stale = await gateway
      .put(`/api/v1/products/${code}`)
      .set('authorization', await as('production.head'))
      .set('if-match', '1')
      .send({ ...fields, leadTimeDays: 99, active: false })
      .expect(409);
    expect(stale.body).toMatchObject({ status: 409, currentVersion: 2 });
    const after = await gateway.get(`/api/v1/products/${code}`).set('authorization', await as('sales.staff')).expect(200);
    expect(after.body).toMatchObject({ leadTimeDays: 35, active: true, version: 2 });

    // Replacing with what is already there is no change: same version, no event, no audit entry.
    await gateway
      .put(`/api/v1/products/${code}`)
      .set('authorization', await as('production.head'))
      .set('if-match', '2')
      .send({ ...fields, leadTimeDays: 35, specifications: ['PB-7 galvanised'], standardCost: '14.50', active: true })
      .expect(200)
      .expect((r) => expect(r.body.version).toBe(2));
    expect((await auditFor(code)).length).toBe(2);

    const badPut = await gateway.put(`/api/v1/products/${code}`).set('authorization', await as('production.head')).send({ ...fields, code, leadTimeDays: 1.5 }).expect(400);
    expect(badPut.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['code', 'leadTimeDays', 'active']));
    await gateway.put('/api/v1/products/P-999').set('authorization', await as('production.head')).send({ ...fields, active: true }).expect(404);
  });
});
