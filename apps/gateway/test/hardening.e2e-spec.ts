import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_CUSTOMERS, daysFromToday } from '@opm/contracts';
import { DEMO_PASSWORD, orderBody, REPO_ROOT, TestStack } from '@opm/testing';

/** One raw request, as curl would send it: the path goes out exactly as written (no normalising, no re-encoding). */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Record<string, unknown> }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, agent: false, headers: { ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Record<string, unknown> = {};
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = { text };
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A request line Node's parser refuses (an unknown method): written straight to the socket. */
function rawSocket(base: string, text: string): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

const fieldsOf = (body: Record<string, unknown>): string[] => [...new Set(((body.errors as { field: string }[] | undefined) ?? []).map((e) => e.field))];

/**
 * Issue 11, item 7: every cause of a 5xx (or of bad input accepted) the first fuzz run found, reproduced through
 * the gateway as curl would send it, now a 4xx problem detail naming the field; and item 6: a short fuzz run.
 */
describe('input hardening: one parsing layer, one lookup, one error mapper (e2e, issue 11)', () => {
  let stack: TestStack;
  let gatewayUrl: string;
  let gateway: ReturnType<typeof request>;
  const as = (user: string) => stack.bearer(user);
  const customerId = DEMO_CUSTOMERS[0].id;

  beforeAll(async () => {
    stack = await TestStack.start({
      env: { RATE_LIMIT_PER_MINUTE: '100000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES_PER_CLIENT: '10', LOGIN_FAILURE_WINDOW_SECONDS: '600' },
    });
    gatewayUrl = stack.member('gateway').baseUrl;
    gateway = request(gatewayUrl);
    await stack.waitForDemoData();
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const ordersTotal = async () => (await gateway.get('/api/v1/orders?pageSize=1').set('authorization', await as('sales.staff')).expect(200)).body.total as number;

  it('I11.7 a NUL inside any JSON string is a 400 naming the field, in every service; a credit reason is not stored', async () => {
    const nul = 'a\u0000b';
    const cases: [string, string, string, Record<string, unknown>, string][] = [
      ['POST', '/api/v1/customers', 'sales.staff', { name: nul }, 'name'],
      ['POST', '/api/v1/leads', 'marketing.staff', { customerName: nul }, 'customerName'],
      ['POST', '/api/v1/orders', 'sales.staff', orderBody({ lines: [{ productName: nul, quantity: 1, unitPrice: '1.00' }] }), 'lines[0].productName'],
      ['POST', '/api/v1/approvals/delegations', 'finance.head', { step: 'FINANCE', delegate: nul }, 'delegate'],
      ['POST', '/api/v1/products', 'technical.head', { code: 'P-NUL', name: nul }, 'name'],
      ['PUT', `/api/v1/customers/${customerId}/credit`, 'finance.head', { creditLimit: '1.00', currency: 'CNY', reason: nul }, 'reason'],
    ];
    for (const [method, path, user, body, field] of cases) {
      const res = await raw(gatewayUrl, method, path, { authorization: await as(user) }, JSON.stringify(body));
      expect({ path, status: res.status, fields: fieldsOf(res.body) }).toEqual({ path, status: 400, fields: [field] });
    }
    const credit = await gateway.get(`/api/v1/customers/${customerId}/credit`).set('authorization', await as('finance.head')).expect(200);
    expect(JSON.stringify(credit.body)).not.toContain('\\u0000');
    // The same at a service reached directly: the layer is the platform's, not the gateway's.
    const direct = await raw(stack.member('sales').baseUrl, 'POST', '/customers', { authorization: await as('sales.staff') }, JSON.stringify({ name: nul }));
    expect(direct.status).toBe(400);
    expect(fieldsOf(direct.body)).toEqual(['name']);
  });

  it('I11.7 a lone surrogate in a JSON string is a 400 naming the field', async () => {
    const res = await raw(gatewayUrl, 'POST', '/api/v1/customers', { authorization: await as('sales.staff') }, '{"name":"x\\ud800"}');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, errors: [{ field: 'name', message: expect.stringContaining('lone surrogate') }] });
  });

  it('I11.7 NUL in a list filter or a path code is a 400 naming the parameter', async () => {
    const auth = { authorization: await as('leader') };
    for (const path of ['/api/v1/customers?name=%00', '/api/v1/suppliers?material=%00', '/api/v1/purchasing/stock?material=%00', '/api/v1/quality/standards?productCode=%00']) {
      const res = await raw(gatewayUrl, 'GET', path, auth);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(fieldsOf(res.body)[0]).toMatch(/^query\./);
    }
    for (const path of ['/api/v1/products/%00', '/api/v1/work-centres/%00', '/api/v1/suppliers/%00', '/api/v1/purchasing/boms/%00']) {
      const res = await raw(gatewayUrl, 'GET', path, auth);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(fieldsOf(res.body)[0]).toMatch(/^path/);
    }
    const direct = await raw(stack.member('production').baseUrl, 'GET', '/products/%00', auth);
    expect(direct.status).toBe(400);
    expect(fieldsOf(direct.body)).toEqual(['path.code']);
  });

  it('I11.7 page=1e20 (and 1.5, a repeated page) is a 400 naming page on all nine paged lists', async () => {
    const auth = { authorization: await as('leader') };
    const lists = ['/customers', '/leads', '/orders', '/products', '/work-centres', '/suppliers', '/purchasing/boms', '/purchasing/stock', '/quality/standards'];
    for (const list of lists) {
      for (const query of ['page=1e20', 'page=1.5', 'page=1&page=2']) {
        const res = await raw(gatewayUrl, 'GET', `/api/v1${list}?${query}`, auth);
        expect({ list, query, status: res.status, fields: fieldsOf(res.body) }).toEqual({ list, query, status: 400, fields: ['page'] });
      }
    }
    await gateway.get('/api/v1/products?page=2&pageSize=1').set(auth).expect(200);
  });

  it('I11.7 a JSON body nested 3,000 levels deep is a 400 on every JSON endpoint, POST /auth/token included', async () => {
    const deep = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    for (const [path, user] of [['/api/v1/auth/token', null], ['/api/v1/orders', 'sales.staff'], ['/api/v1/customers', 'sales.staff'], ['/api/v1/products', 'technical.head']] as const) {
      const res = await raw(gatewayUrl, 'POST', path, user ? { authorization: await as(user) } : {}, deep);
      expect({ path, status: res.status, detail: res.body.detail }).toEqual({ path, status: 400, detail: expect.stringContaining('deep') });
    }
  });

  it('I11.7 "lines": [[]] on POST /orders is a 400 naming lines, and no order is written', async () => {
    const before = await ordersTotal();
    const res = await gateway.post('/api/v1/orders').set('authorization', await as('sales.staff')).send(orderBody({ lines: [[]] })).expect(400);
    expect(fieldsOf(res.body)).toContain('lines');
    expect(await ordersTotal()).toBe(before);
  });

  it('I11.7 __proto__ and constructor path segments never reach a lookup table: 404, not 503', async () => {
    const auth = { authorization: await as('finance.head') };
    const id = '0b7f9c1e-5d2a-4c3b-9a1e-000000000001';
    for (const segment of ['__proto__', 'constructor', 'hasOwnProperty', 'toString']) {
      const res = await raw(gatewayUrl, 'POST', `/api/v1/orders/${id}/review/${segment}/opinion`, auth, JSON.stringify({ verdict: 'PASS' }));
      expect({ segment, status: res.status }).toEqual({ segment, status: 404 });
    }
    expect((await raw(gatewayUrl, 'GET', '/api/v1/__proto__', auth)).status).toBe(404);
  });

  it('I11.7 TRACE (and any method nobody serves) with a valid token is 405 problem details with Allow, at the gateway and at a service', async () => {
    const auth = { authorization: await as('sales.staff') };
    for (const base of [gatewayUrl, stack.member('sales').baseUrl]) {
      for (const method of ['TRACE', 'PROPFIND']) {
        const res = await raw(base, method, base === gatewayUrl ? '/api/v1/orders' : '/orders', auth);
        expect({ method, status: res.status, headers: res.headers['content-type'] }).toEqual({ method, status: 405, headers: expect.stringContaining('application/problem+json') });
        expect(res.body).toMatchObject({ status: 405, title: 'Method Not Allowed' });
        expect(res.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
      }
    }
  });

  it('I11.7 orderDate 1970-01-01 or 9999-12-31 and a past deliveryDate are 400 naming the field, and nothing is written', async () => {
    const before = await ordersTotal();
    const auth = await as('sales.staff');
    for (const [override, field] of [
      [{ orderDate: '1970-01-01', deliveryDate: null }, 'orderDate'],
      [{ orderDate: '9999-12-31', deliveryDate: null }, 'orderDate'],
      [{ orderDate: daysFromToday(0), deliveryDate: daysFromToday(-1) }, 'deliveryDate'],
    ] as const) {
      const res = await gateway.post('/api/v1/orders').set('authorization', auth).send(orderBody(override));
      expect({ override, status: res.status, fields: fieldsOf(res.body) }).toEqual({ override, status: 400, fields: [field] });
    }
    expect(await ordersTotal()).toBe(before);
    await gateway.post('/api/v1/orders').set('authorization', auth).send(orderBody({ orderDate: daysFromToday(0), deliveryDate: daysFromToday(120) })).expect(201);
  });

  it('I11.7 lines[].productName as a number, an array or an object is a 400 even when productCode is set', async () => {
    const auth = await as('sales.staff');
    for (const productName of [42, ['a'], { a: 1 }]) {
      const res = await gateway.post('/api/v1/orders').set('authorization', auth).send(orderBody({ lines: [{ productCode: 'P-100', productName, quantity: 1, unitPrice: '1.00' }] }));
      expect({ productName, status: res.status, fields: fieldsOf(res.body) }).toEqual({ productName, status: 400, fields: ['lines.0.productName'] });
    }
  });

  it('I11.7 specialRequirements: [] is a 400 naming it', async () => {
    const res = await gateway.post('/api/v1/orders').set('authorization', await as('sales.staff')).send(orderBody({ specialRequirements: [] })).expect(400);
    expect(fieldsOf(res.body)).toContain('specialRequirements');
  });

  it('I11.7 a FINANCE delegation to a user of another department or to a name that is no user is a 422 naming delegate', async () => {
    const auth = await as('finance.head');
    const period = { validFrom: new Date(Date.now() - 60_000).toISOString(), validTo: new Date(Date.now() + 3_600_000).toISOString(), reason: 'leave' };
    for (const delegate of ['sales.head', 'no.such.user']) {
      const res = await gateway.post('/api/v1/approvals/delegations').set('authorization', auth).send({ step: 'FINANCE', delegate, ...period });
      expect({ delegate, status: res.status, fields: fieldsOf(res.body) }).toEqual({ delegate, status: 422, fields: ['delegate'] });
    }
    await gateway.post('/api/v1/approvals/delegations').set('authorization', auth).send({ step: 'FINANCE', delegate: 'finance.staff', ...period }).expect(201);
  });

  it("I11.7 bad URL encoding, a 414, a 431 and an unknown method are problem details, not Fastify's own JSON", async () => {
    const auth = { authorization: await as('leader') };
    for (const base of [gatewayUrl, stack.member('production').baseUrl]) {
      const prefix = base === gatewayUrl ? '/api/v1' : '';
      const badUrl = await raw(base, 'GET', `${prefix}/products/%E0%A4%A`, auth);
      expect(badUrl).toMatchObject({ status: 400, headers: { 'content-type': expect.stringContaining('application/problem+json') }, body: { status: 400, title: 'Bad Request' } });
      const tooLong = await raw(base, 'GET', `${prefix}/products/${'x'.repeat(300)}`, auth);
      expect(tooLong).toMatchObject({ status: 414, headers: { 'content-type': expect.stringContaining('application/problem+json') }, body: { status: 414, title: 'URI Too Long' } });
      const bigHeaders = await raw(base, 'GET', `${prefix}/products`, { ...auth, 'x-filler': 'x'.repeat(20_000) });
      expect(bigHeaders).toMatchObject({ status: 431, headers: { 'content-type': expect.stringContaining('application/problem+json') }, body: { status: 431 } });
      const unknown = await rawSocket(base, `FOO ${prefix}/products HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(unknown).toMatch(/^HTTP\/1\.1 501 /);
      expect(unknown).toContain('application/problem+json');
      expect(unknown).toContain('"status":501');
    }
  });

  it("I11.7 every service sends the gateway's security headers", async () => {
    for (const member of ['gateway', 'sales', 'production', 'purchasing', 'quality', 'finance', 'logistics'] as const) {
      const res = await request(stack.member(member).baseUrl).get('/health/live').expect(200);
      expect({ member, nosniff: res.headers['x-content-type-options'], csp: res.headers['content-security-policy'], frame: res.headers['x-frame-options'] }).toEqual({
        member,
        nosniff: 'nosniff',
        csp: expect.stringContaining("default-src 'self'"),
        frame: 'SAMEORIGIN',
      });
    }
  });

  it('I11.6 a short fuzz run (300 requests, fixed seed) over the merged OpenAPI document as every role gets no 5xx and writes nothing half', async () => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'tools', 'fuzz', 'main.js')], {
      env: { ...process.env, FUZZ_TARGET: gatewayUrl, FUZZ_REQUESTS: '300', FUZZ_SECONDS: '240', FUZZ_SEED: '11', DEMO_PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, tail: output.slice(-3000) }).toEqual({ code: 0, tail: expect.stringContaining('5xx: 0, half-written: 0') });
    expect(output).toMatch(/300 requests in [\d.]+ s over \d+ of \d+ operations/);
  }, 300_000);

  it('I11.7 login is throttled per account and per client: 429 problem details with Retry-After, even for the right password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      statuses.push((await gateway.post('/api/v1/auth/token').set('x-forwarded-for', `10.0.0.${i}`).send({ username: 'archive.staff', password: 'wrong-password' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const locked = await gateway.post('/api/v1/auth/token').set('x-forwarded-for', '10.0.1.1').send({ username: 'archive.staff', password: DEMO_PASSWORD }).expect(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(locked.body).toMatchObject({ status: 429, title: 'Too Many Requests', detail: expect.stringContaining('archive.staff') });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(500);
    // One client guessing many accounts is stopped too, while another client still logs in.
    const perClient: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      perClient.push((await gateway.post('/api/v1/auth/token').set('x-forwarded-for', '10.9.9.9').send({ username: `guess${i}`, password: 'wrong-password' })).status);
    }
    expect(perClient.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(perClient.slice(10)).toEqual([429, 429]);
    await gateway.post('/api/v1/auth/token').set('x-forwarded-for', '10.8.8.8').send({ username: 'leader', password: DEMO_PASSWORD }).expect(200);
  });
});
