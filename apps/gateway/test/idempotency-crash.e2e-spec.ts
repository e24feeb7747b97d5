import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { orderBody, testDatabaseUrl, TestStack } from '@opm/testing';

/**
 * Idempotency that survives a crash (issue 11 items 1 and 8, CI's short form): sales runs with its test hook, so
 * it SIGKILLs itself after an idempotent `POST /orders` committed and before it answered; the client retries with
 * the same key after the restart and must get the one order, with the first answer's status and headers.
 */
describe('idempotency across a crash of sales (e2e, issue 11)', () => {
  let stack: TestStack;
  let gateway: ReturnType<typeof request>;
  let sales: Client;

  beforeAll(async () => {
    stack = await TestStack.start({ memberEnv: { sales: { TEST_DIE_AFTER_IDEMPOTENT_COMMIT: 'POST /orders' } } });
    gateway = request(stack.member('gateway').baseUrl);
    sales = new Client({ connectionString: testDatabaseUrl('sales') });
    await sales.connect();
  }, 400_000);

  afterAll(async () => {
    await sales?.end();
    await stack?.stop();
  });

  const ordersIn = async (where: string, params: unknown[]): Promise<{ id: string; version: number }[]> =>
    (await sales.query(`SELECT id, version FROM sales_order WHERE ${where}`, params)).rows;

  it('issue 11 idempotency: a retry after sales died between commit and answer gets the one order (201, same id, ETag, Location)', async () => {
    const auth = await stack.bearer('sales.staff');
    const key = `crash-${randomUUID()}`;
    // A delivery place no other order has, to find this one in sales' database.
    const body = orderBody({ deliveryPlace: `Dock ${key}` });
    const salesProcess = stack.member('sales');
    const died = salesProcess.exited();

    const lost = await gateway.post('/api/v1/orders').set('authorization', auth).set('idempotency-key', key).send(body);
    expect(lost.status).toBeGreaterThanOrEqual(502);
    expect(await died).toBe('SIGKILL');
    // It had committed: the order and its key with the answer are in sales' database, nobody was told.
    const committed = await ordersIn(`"deliveryPlace" = $1`, [body.deliveryPlace]);
    expect(committed).toHaveLength(1);
    const stored = (await sales.query(`SELECT status_code, response_headers FROM idempotency_key WHERE key = $1`, [key])).rows;
    expect(stored).toEqual([{ status_code: 201, response_headers: expect.objectContaining({ location: `/orders/${committed[0].id}` }) }]);

    await salesProcess.restart({ TEST_DIE_AFTER_IDEMPOTENT_COMMIT: undefined });
    const retry = await gateway.post('/api/v1/orders').set('authorization', auth).set('idempotency-key', key).send(body);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(committed[0].id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.etag).toBe(`"${retry.body.version}"`);
    expect(retry.headers.location).toBe(`/api/v1/orders/${committed[0].id}`);
    expect(retry.headers['content-type']).toMatch(/^application\/json/);
    // The order exists once, and the Location leads to it.
    expect(await ordersIn(`"deliveryPlace" = $1`, [body.deliveryPlace])).toHaveLength(1);
    const located = await gateway.get(retry.headers.location).set('authorization', auth).expect(200);
    expect(located.body.id).toBe(committed[0].id);
  }, 300_000);

  it('issue 11 idempotency: a replay gives the first answer\'s status, body, ETag, Location and Content-Type, marked Idempotent-Replayed', async () => {
    const auth = await stack.bearer('sales.staff');
    const key = `replay-${randomUUID()}`;
    const body = orderBody({ deliveryPlace: `Dock ${key}` });
    const first = await gateway.post('/api/v1/orders').set('authorization', auth).set('idempotency-key', key).send(body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(first.headers.etag).toBe(`"${first.body.version}"`);
    expect(first.headers.location).toBe(`/api/v1/orders/${first.body.id}`);
    const replay = await gateway.post('/api/v1/orders').set('authorization', auth).set('idempotency-key', key).send(body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    for (const header of ['etag', 'location', 'content-type']) expect(replay.headers[header]).toBe(first.headers[header]);
    expect(await ordersIn(`"deliveryPlace" = $1`, [body.deliveryPlace])).toHaveLength(1);

    const misuse = await gateway
      .post('/api/v1/orders')
      .set('authorization', auth)
      .set('idempotency-key', key)
      .send({ ...body, paymentTerms: 'cash' })
      .expect(422);
    expect(misuse.body.errors).toEqual([{ field: 'Idempotency-Key', message: 'reused with a different request' }]);
  });
});
