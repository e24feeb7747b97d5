import request from 'supertest';
import { DEPARTMENT_SERVICES } from '@opm/contracts';
import { broker, eventually, orderBody, TestStack } from '@opm/testing';

/** The walking skeleton through every process: gateway -> sales -> Kafka -> each department -> combined view. */
describe('walking skeleton (e2e, real Kafka and PostgreSQL)', () => {
  let stack: TestStack;
  let gateway: ReturnType<typeof request>;

  beforeAll(async () => {
    stack = await TestStack.start();
    gateway = request(stack.member('gateway').baseUrl);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  async function everyDepartmentHas(id: string): Promise<Record<string, Record<string, unknown>>> {
    return eventually(async () => {
      const res = await gateway.get(`/api/v1/orders/${id}`).expect(200);
      for (const d of DEPARTMENT_SERVICES) expect(res.body.departments[d]).toMatchObject({ orderId: id });
      return res.body.departments;
    });
  }

  it('R1.3 an order recorded at the gateway reaches every department, and the combined view shows each part', async () => {
    const created = await gateway.post('/api/v1/orders').send(orderBody()).expect(201);
    expect(created.body).toMatchObject({ status: 'RECEIVED', totalAmount: '1534.00', currency: 'CNY' });
    expect(created.body.number).toMatch(/^SO-2026-\d{6}$/);
    expect(created.headers['x-correlation-id']).toBeTruthy();

    const departments = await everyDepartmentHas(created.body.id);
    expect(departments.logistics).toMatchObject({ number: created.body.number, lineCount: 2 });
    expect(departments.logistics.specialRequirements).toMatchObject({ transportMode: 'sea freight', packaging: 'export crate' });
  });

  it('R1.3 with one department stopped the combined view is still 200, that part marked unavailable', async () => {
    const created = await gateway.post('/api/v1/orders').send(orderBody()).expect(201);
    await everyDepartmentHas(created.body.id);
    await stack.member('quality').stop();
    try {
      const res = await gateway.get(`/api/v1/orders/${created.body.id}`).expect(200);
      expect(res.body.departments.quality).toMatchObject({ unavailable: true });
      expect(res.body.departments.production).toMatchObject({ orderId: created.body.id });
      expect(res.body).toMatchObject({ id: created.body.id, status: 'RECEIVED' });
    } finally {
      await stack.member('quality').start();
    }
  });

  it('N5 a structurally bad order is 400 naming every bad field, and nothing is stored', async () => {
    const before = await gateway.get('/api/v1/orders').expect(200);
    const res = await gateway
      .post('/api/v1/orders')
      .send(orderBody({ customerId: 'nope', currency: 12, lines: [{ productCode: 'P-1', quantity: 0, unitPrice: '1.234' }], extra: true }))
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['customerId', 'currency', 'lines.0.quantity', 'lines.0.unitPrice', 'extra']));
    const after = await gateway.get('/api/v1/orders').expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it('N2 with Kafka stopped an order is still accepted; once Kafka is back every department has it', async () => {
    await broker.stop();
    const accepted = (async () => {
      const created = await gateway.post('/api/v1/orders').send(orderBody()).expect(201);
      const res = await gateway.get(`/api/v1/orders/${created.body.id}`).expect(200);
      for (const d of DEPARTMENT_SERVICES) expect(res.body.departments[d]).toEqual({ received: false });
      return created.body.id as string;
    })();
    await accepted.finally(() => broker.start());
    await everyDepartmentHas(await accepted);
  }, 120_000);
});
