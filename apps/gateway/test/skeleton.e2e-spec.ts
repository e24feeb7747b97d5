import request from 'supertest';
import { DEPARTMENT_SERVICES } from '@opm/contracts';
import { broker, eventually, orderBody, TestStack } from '@opm/testing';

/** The walking skeleton through every process: gateway -> sales -> Kafka -> each department -> combined view. */
describe('walking skeleton (e2e, real Kafka and PostgreSQL)', () => {
  let stack: TestStack;
  let gateway: ReturnType<typeof request>;
  let auth: string;

  beforeAll(async () => {
    stack = await TestStack.start();
    gateway = request(stack.member('gateway').baseUrl);
    auth = await stack.bearer('sales.staff');
    await stack.waitForDemoData();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  async function everyDepartmentHas(id: string): Promise<Record<string, Record<string, unknown>>> {
    return eventually(async () => {
      const res = await gateway.get(`/api/v1/orders/${id}`).set('authorization', auth).expect(200);
      for (const d of DEPARTMENT_SERVICES) expect(res.body.departments[d]).toMatchObject({ orderId: id });
      return res.body.departments;
    });
  }

  it('R1.3 an order recorded at the gateway reaches every department, and the combined view shows each part', async () => {
    const created = await gateway.post('/api/v1/orders').set('authorization', auth).send(orderBody()).expect(201);
    expect(created.body).toMatchObject({ status: 'UNDER_REVIEW', totalAmount: '1534.00', currency: 'CNY' });
    expect(created.body.number).toMatch(/^SO-2026-\d{6}$/);
    expect(created.headers['x-correlation-id']).toBeTruthy();

    const departments = await everyDepartmentHas(created.body.id);
    expect(departments.logistics).toMatchObject({ number: created.body.number, lineCount: 2 });
    expect(departments.logistics.specialRequirements).toMatchObject({ transportMode: 'sea freight', packaging: 'export crate' });
  });

  it('R1.3 with one department stopped the combined view is still 200, that part marked unavailable', async () => {
    const created = await gateway.post('/api/v1/orders').set('authorization', auth).send(orderBody()).expect(201);
    await everyDepartmentHas(created.body.id);
    await stack.member('quality').stop();
    try {
      const res = await gateway.get(`/api/v1/orders/${created.body.id}`).set('authorization', auth).expect(200);
      expect(res.body.departments.quality).toMatchObject({ unavailable: true });
      expect(res.body.departments.production).toMatchObject({ orderId: created.body.id });
      expect(res.body).toMatchObject({ id: created.body.id, status: 'UNDER_REVIEW' });
    } finally {
      await stack.member('quality').start();
    }
  });

  it.each([
    ['wrong types and formats', { customerId: 'nope', currency: 12, orderDate: '26/11/2026' }, ['customerId', 'currency', 'orderDate']],
    ['missing required fields', { customerId: undefined, lines: undefined, channel: undefined }, ['customerId', 'lines', 'channel']],
    [
      'out-of-range and malformed line values',
      { lines: [{ productCode: 'P-1', quantity: 0, unitPrice: '1.234' }, { productCode: 'P-2', quantity: 'ten', unitPrice: 5 }] },
      ['lines.0.quantity', 'lines.0.unitPrice', 'lines.1.quantity', 'lines.1.unitPrice'],
    ],
    ['unknown fields, also nested', { extra: true, specialRequirements: { colour: 'red' } }, ['extra', 'specialRequirements.colour']],
    ['no lines at all', { lines: [] }, ['lines']],
  ])('N5 %s: 400 naming each bad field, and nothing is stored', async (_case, overrides, fields) => {
    const before = await gateway.get('/api/v1/orders').set('authorization', auth).expect(200);
    const res = await gateway.post('/api/v1/orders').set('authorization', auth).send(orderBody(overrides)).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(fields));
    const after = await gateway.get('/api/v1/orders').set('authorization', auth).expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it('N2 with Kafka stopped an order is still accepted; once Kafka is back every department has it', async () => {
    await broker.stop();
    const accepted = (async () => {
      const created = await gateway.post('/api/v1/orders').set('authorization', auth).send(orderBody()).expect(201);
      const res = await gateway.get(`/api/v1/orders/${created.body.id}`).set('authorization', auth).expect(200);
      for (const d of DEPARTMENT_SERVICES) expect(res.body.departments[d]).toEqual({ received: false });
      return created.body.id as string;
    })();
    await accepted.finally(() => broker.start());
    await everyDepartmentHas(await accepted);
  }, 120_000);
});
