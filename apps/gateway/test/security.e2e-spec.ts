import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { SERVICES } from '@opm/contracts';
import { eventually, mintToken, orderBody, testDatabaseUrl, TestStack } from '@opm/testing';

interface OpenApi {
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Every documented route of a process, its path parameters filled in: those that need a token, or (`open`) the
 * public ones, which the document marks with `security: []` (health probes, token issuing).
 */
async function routes(baseUrl: string, docsPath: string, open = false): Promise<{ method: string; path: string }[]> {
  const doc = (await (await fetch(`${baseUrl}${docsPath}`)).json()) as OpenApi;
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => m in item && (item[m].security?.length === 0) === open).map((method) => ({ method, path: path.replace(/\{[^}]+\}/g, randomUUID()) })),
  );
}

/** Identity, authorisation, idempotency and the audit trail, across the real processes (N4, N5, R1.2). */
describe('security and API conventions (e2e)', () => {
  let stack: TestStack;
  let gateway: ReturnType<typeof request>;

  beforeAll(async () => {
    stack = await TestStack.start();
    gateway = request(stack.member('gateway').baseUrl);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (username: string) => stack.bearer(username);

  it("N4 every route of the gateway and of every service answers 401 without a token (except token, health, docs)", async () => {
    const tables = [
      { name: 'gateway', baseUrl: stack.member('gateway').baseUrl, routes: await routes(stack.member('gateway').baseUrl, '/api/docs-json') },
      ...(await Promise.all(
        SERVICES.map(async (s) => ({ name: s, baseUrl: stack.member(s).baseUrl, routes: await routes(stack.member(s).baseUrl, '/docs-json') })),
      )),
    ];
    // The gateway's own table also holds the proxy: any path under /api/v1 it forwards.
    tables[0].routes.push({ method: 'get', path: `/api/v1/${randomUUID()}` }, { method: 'delete', path: '/api/v1/orders' });
    const checked: string[] = [];
    for (const table of tables) {
      expect(table.routes.length).toBeGreaterThan(0);
      for (const { method, path } of table.routes) {
        if (path === '/api/v1/auth/token') continue;
        const res = await fetch(`${table.baseUrl}${path}`, { method: method.toUpperCase(), headers: { 'content-type': 'application/json' }, body: method === 'get' ? undefined : '{}' });
        expect({ route: `${table.name} ${method.toUpperCase()} ${path}`, status: res.status }).toEqual({
          route: `${table.name} ${method.toUpperCase()} ${path}`,
          status: 401,
        });
        checked.push(`${table.name} ${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(SERVICES.length * 3);
    for (const open of ['/health/live', '/health/ready', '/api/docs-json', '/api/asyncapi.json']) {
      expect((await fetch(`${stack.member('gateway').baseUrl}${open}`)).status).toBe(200);
    }
    // The events' contract is served beside the HTTP one.
    const events = (await (await fetch(`${stack.member('gateway').baseUrl}/api/asyncapi.json`)).json()) as { asyncapi: string; channels: Record<string, unknown> };
    expect(events).toMatchObject({ asyncapi: '3.0.0', channels: expect.objectContaining({}) });
    expect(Object.keys(events.channels).length).toBeGreaterThan(10);
    // What a service documents as public (its health probes) answers without a token.
    for (const s of SERVICES) {
      const open = await routes(stack.member(s).baseUrl, '/docs-json', true);
      expect(open.map((r) => r.path).sort()).toEqual(['/health/live', '/health/ready']);
      for (const { method, path } of open) {
        expect({ route: `${s} ${path}`, status: (await fetch(`${stack.member(s).baseUrl}${path}`, { method: method.toUpperCase() })).status }).toEqual({ route: `${s} ${path}`, status: 200 });
      }
    }
  });

  it('N1 every GET a service declares answers through the gateway as it does when the service is reached directly', async () => {
    const auth = await as('leader');
    const answer = async (url: string) => {
      const res = await fetch(url, { headers: { authorization: auth } });
      const json = res.headers.get('content-type')?.includes('json');
      const body = json ? ((await res.json()) as { detail?: string }) : {};
      // A body not read (a PDF, a never-ending event stream) is let go, or its connection stays open to the end.
      if (!json) await res.body?.cancel();
      return { status: res.status, detail: body.detail };
    };
    let compared = 0;
    for (const service of SERVICES) {
      for (const { method, path } of await routes(stack.member(service).baseUrl, '/docs-json')) {
        if (method !== 'get' || path.startsWith('/health')) continue;
        const direct = await answer(`${stack.member(service).baseUrl}${path}`);
        const routed = await answer(`${stack.api}${path}`);
        expect({ service, path, ...routed }).toEqual({ service, path, ...direct });
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(SERVICES.length * 2);
  });

  it('N4 a forged, expired or malformed token is 401 at the gateway and at a service reached directly', async () => {
    const principal = { username: 'sales.head', department: 'SALES', role: 'HEAD' } as const;
    const forged = await mintToken(principal, { secret: 'x'.repeat(48) });
    const expired = await mintToken(principal, { expiresIn: '-1m' });
    for (const token of [forged, expired, 'not.a.token', '']) {
      await gateway.get('/api/v1/orders').set('authorization', `Bearer ${token}`).expect(401);
      await request(stack.member('sales').baseUrl).get('/orders').set('authorization', `Bearer ${token}`).expect(401);
    }
    const res = await request(stack.member('sales').baseUrl).get('/orders').expect(401);
    expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    const good = await mintToken(principal);
    await request(stack.member('sales').baseUrl).get('/orders').set('authorization', `Bearer ${good}`).expect(200);
  });

  it('N4 the token endpoint issues a signed token for a demo user and refuses a wrong password', async () => {
    const res = await gateway.post('/api/v1/auth/token').send({ username: 'finance.head', password: process.env.DEMO_PASSWORD ?? 'demo-password-for-tests' }).expect(200);
    expect(res.body).toMatchObject({ expiresIn: 900, user: { username: 'finance.head', department: 'FINANCE', role: 'HEAD' } });
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    const wrong = await gateway.post('/api/v1/auth/token').send({ username: 'finance.head', password: 'wrong-password' }).expect(401);
    expect(wrong.body.detail).toBe('unknown user or wrong password');
    await gateway.post('/api/v1/auth/token').send({ username: 'nobody', password: 'wrong-password' }).expect(401);
    const bad = await gateway.post('/api/v1/auth/token').send({ username: 5 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['username', 'password']));
  });

  describe('R1.2 authorisation matrix', () => {
    let orderId: string;

    beforeAll(async () => {
      const created = await gateway.post('/api/v1/orders').set('authorization', await as('sales.staff')).send(orderBody()).expect(201);
      orderId = created.body.id;
    });

    const matrix: { endpoint: string; call: (auth: string) => request.Test; allowed: string[]; refused: string[] }[] = [
      {
        endpoint: 'POST /orders (sales records orders)',
        call: (auth) => gateway.post('/api/v1/orders').set('authorization', auth).send(orderBody()),
        allowed: ['sales.staff', 'sales.head'],
        refused: ['marketing.staff', 'production.head', 'finance.head', 'leader', 'archive.staff'],
      },
      {
        endpoint: 'GET /orders (anyone)',
        call: (auth) => gateway.get('/api/v1/orders').set('authorization', auth),
        allowed: ['sales.staff', 'production.staff', 'quality.head', 'logistics.staff', 'leader', 'archive.staff'],
        refused: [],
      },
      {
        endpoint: 'GET /orders/{id} (anyone)',
        call: (auth) => gateway.get(`/api/v1/orders/${orderId}`).set('authorization', auth),
        allowed: ['sales.staff', 'finance.staff', 'technical.head', 'purchasing.head'],
        refused: [],
      },
      {
        endpoint: 'GET /orders/{id}/audit (heads, leaders, archive)',
        call: (auth) => gateway.get(`/api/v1/orders/${orderId}/audit`).set('authorization', auth),
        allowed: ['sales.head', 'finance.head', 'leader', 'archive.staff'],
        refused: ['sales.staff', 'finance.staff', 'production.staff', 'logistics.staff'],
      },
      {
        endpoint: 'GET /audit/verify (heads, leaders, archive)',
        call: (auth) => gateway.get('/api/v1/audit/verify').set('authorization', auth),
        allowed: ['quality.head', 'leader', 'archive.staff'],
        refused: ['marketing.staff', 'finance.staff'],
      },
    ];

    it.each(matrix)('$endpoint', async ({ call, allowed, refused }) => {
      for (const user of allowed) {
        const res = await call(await as(user));
        expect({ user, status: res.status, allowed: res.status < 400 }).toEqual({ user, status: res.status, allowed: true });
      }
      for (const user of refused) {
        const res = await call(await as(user));
        expect({ user, status: res.status }).toEqual({ user, status: 403 });
        expect(res.body.detail).toMatch(/^requires .+; you are /);
      }
    });

    it('R1.2 a refused create stores nothing, and a service reached directly refuses the same caller', async () => {
      const before = await gateway.get('/api/v1/orders').set('authorization', await as('leader')).expect(200);
      await gateway.post('/api/v1/orders').set('authorization', await as('leader')).send(orderBody()).expect(403);
      const leader = await mintToken({ username: 'leader', department: 'MANAGEMENT', role: 'LEADER' });
      await request(stack.member('sales').baseUrl).post('/orders').set('authorization', `Bearer ${leader}`).send(orderBody()).expect(403);
      const after = await gateway.get('/api/v1/orders').set('authorization', await as('leader')).expect(200);
      expect(after.body.total).toBe(before.body.total);
    });
  });

  it('N4 two concurrent identical creates with one Idempotency-Key give one resource; a different body with it is 422', async () => {
    const auth = await as('sales.staff');
    const key = `order-${randomUUID()}`;
    const body = orderBody();
    const before = await gateway.get('/api/v1/orders').set('authorization', auth).expect(200);
    const [a, b] = await Promise.all([
      gateway.post('/api/v1/orders').set('authorization', auth).set('idempotency-key', key).send(body),
      gateway.post('/api/v1/orders').set('authorization', auth).set('idempotency-key', key).send(body),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body.number).toBe(b.body.number);
    const again = await gateway.post('/api/v1/orders').set('authorization', auth).set('idempotency-key', key).send(body).expect(201);
    expect(again.body.id).toBe(a.body.id);
    const after = await gateway.get('/api/v1/orders').set('authorization', auth).expect(200);
    expect(after.body.total).toBe(before.body.total + 1);
    const misuse = await gateway
      .post('/api/v1/orders')
      .set('authorization', auth)
      .set('idempotency-key', key)
      .send({ ...body, paymentTerms: 'cash' })
      .expect(422);
    expect(misuse.body.errors[0].field).toBe('Idempotency-Key');
  });

  it('N4 actions produce audit entries in every service; altering a row makes verification fail and name it', async () => {
    const head = await as('sales.head');
    const created = await gateway.post('/api/v1/orders').set('authorization', await as('sales.staff')).send(orderBody()).expect(201);
    const id = created.body.id;
    const trail = await eventually(async () => {
      const res = await gateway.get(`/api/v1/orders/${id}/audit`).set('authorization', head).expect(200);
      const received = res.body.items.filter((e: { action: string }) => e.action === 'order.received').map((e: { service: string }) => e.service);
      expect(received.sort()).toEqual(SERVICES.filter((s) => s !== 'sales').sort());
      return res.body.items;
    });
    expect(trail[0]).toMatchObject({ service: 'sales', action: 'order.recorded', actor: { username: 'sales.staff', department: 'SALES' } });
    expect(trail[0].after).toMatchObject({ id, number: created.body.number });
    expect(trail.filter((e: { service: string }) => e.service === 'sales').map((e: { action: string }) => e.action)).toEqual(['order.recorded', 'order.preliminary-review']);
    // Event-driven entries name the person whose action caused them.
    expect(trail.every((e: { actor: { username: string } }) => e.actor.username === 'sales.staff')).toBe(true);
    const clean = await gateway.get('/api/v1/audit/verify').set('authorization', head).expect(200);
    expect(clean.body.ok).toBe(true);

    const db = new Client({ connectionString: testDatabaseUrl('sales') });
    await db.connect();
    try {
      await expect(db.query(`UPDATE audit_entry SET reason = 'x' WHERE id = $1`, [trail[0].id])).rejects.toThrow('append-only');
      await expect(db.query(`DELETE FROM audit_entry WHERE id = $1`, [trail[0].id])).rejects.toThrow('append-only');
      // Someone with the database owner's rights switches the guard off and rewrites history.
      await db.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change');
      await db.query(`UPDATE audit_entry SET actor = '{"username":"someone.else"}' WHERE id = $1`, [trail[0].id]);
      await db.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change');
    } finally {
      await db.end();
    }
    const broken = await gateway.get('/api/v1/audit/verify').set('authorization', head).expect(200);
    expect(broken.body.ok).toBe(false);
    const sales = broken.body.services.find((s: { service: string }) => s.service === 'sales');
    expect(sales).toMatchObject({ ok: false, firstBroken: { id: trail[0].id, problem: 'content altered' } });
    expect(broken.body.services.filter((s: { ok: boolean }) => s.ok)).toHaveLength(SERVICES.length - 1);
  });

  it('N5 client mistakes are problem details, never 500: unknown route, bad JSON, oversized body, bad id', async () => {
    const auth = await as('sales.staff');
    const unknown = await gateway.get('/api/v1/no-such-thing').set('authorization', auth).expect(404);
    expect(unknown.body).toMatchObject({ status: 404, title: 'Not Found', detail: 'no service declares /api/v1/no-such-thing' });
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const wrongMethod = await gateway.delete('/api/v1/orders').set('authorization', auth).expect(405);
    expect(wrongMethod.headers.allow).toBe('GET, POST, HEAD');
    expect(wrongMethod.body).toMatchObject({ status: 405, title: 'Method Not Allowed', detail: '/api/v1/orders does not take DELETE; it takes GET, POST, HEAD' });
    for (const segment of ['__proto__', 'constructor', 'toString']) {
      const res = await gateway.post(`/api/v1/orders/${randomUUID()}/review/${segment}/opinion`).set('authorization', auth).send({}).expect(404);
      expect(res.body.detail).toMatch(/^no service declares \/api\/v1\/orders\/.+\/review\/.+\/opinion$/);
      await gateway.get(`/api/v1/${segment}`).set('authorization', auth).expect(404);
    }
    const badJson = await gateway.post('/api/v1/orders').set('authorization', auth).set('content-type', 'application/json').send('{"lines": [').expect(400);
    expect(badJson.body.status).toBe(400);
    const big = await gateway.post('/api/v1/orders').set('authorization', auth).send(orderBody({ paymentTerms: 'x'.repeat(2_000_000) }));
    expect(big.status).toBe(413);
    const badId = await gateway.get('/api/v1/orders/123').set('authorization', auth).expect(400);
    expect(badId.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
  });
});
