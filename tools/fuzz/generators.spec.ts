import fc from 'fast-check';
import { deeplyNested, fieldName, nthRequest, placesIn, replaceAt, requestFor, validValue, withOwnKey } from './generators';
import { listCounterpart, Operation, operationsOf, resolveSchema } from './operations';
import { collectValues, FuzzTally } from './report';

const doc = {
  paths: {
    '/api/v1/orders': {
      get: { operationId: 'list', parameters: [{ in: 'query', name: 'page', schema: { type: 'integer' } }, { in: 'query', name: 'name', schema: { type: 'string' } }] },
      post: {
        operationId: 'create',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' }, examples: { a: { value: { orderDate: '2026-11-26', lines: [{ quantity: 1 }] } } } } },
        },
      },
    },
    '/api/v1/orders/{id}': { get: { operationId: 'get', parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string', format: 'uuid' } }] } },
    '/api/v1/auth/token': { post: { operationId: 'token', security: [], requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } } },
  },
  components: {
    schemas: {
      Order: {
        type: 'object',
        required: ['orderDate', 'lines'],
        properties: { orderDate: { type: 'string', format: 'date' }, lines: { type: 'array', items: { $ref: '#/components/schemas/Line' } }, note: { type: 'string', nullable: true } },
      },
      Line: { type: 'object', required: ['quantity'], properties: { quantity: { type: 'integer', minimum: 1, maximum: 5 } } },
    },
  },
};

describe('fuzzer generators (issue 11 item 6)', () => {
  const ops: Operation[] = operationsOf(doc);
  const byId = (id: string) => ops.find((o) => o.id === id) as Operation;

  it('I11.6 reads every operation with its parameters, resolved body schema, examples and public flag', () => {
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(['GET /api/v1/orders', 'POST /api/v1/orders', 'GET /api/v1/orders/{id}', 'POST /api/v1/auth/token']);
    expect(byId('create').body?.properties?.lines.items?.properties?.quantity).toEqual({ type: 'integer', minimum: 1, maximum: 5 });
    expect(byId('create').examples).toHaveLength(1);
    expect(byId('token').public).toBe(true);
    expect(byId('get').parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]);
    expect(listCounterpart(byId('create'), ops)?.id).toBe('list');
    expect(listCounterpart(byId('token'), ops)).toBeUndefined();
    expect(resolveSchema({ allOf: [{ $ref: '#/components/schemas/Line' }], default: 1 }, doc)).toMatchObject({ type: 'object', default: 1 });
  });

  it('I11.6 valid values keep to the schema: required fields, bounds, formats', () => {
    const order = resolveSchema({ $ref: '#/components/schemas/Order' }, doc);
    fc.assert(
      fc.property(validValue(order), (value) => {
        const v = value as { orderDate: string; lines: { quantity: number }[] };
        expect(v.orderDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(v.lines.length).toBeGreaterThan(0);
        for (const l of v.lines) expect(l.quantity >= 1 && l.quantity <= 5).toBe(true);
      }),
      { seed: 1, numRuns: 100 },
    );
  });

  it('I11.6 a number with fractional bounds (hoursWorked: 0.01 to 10000) gets values inside them', () => {
    fc.assert(
      fc.property(validValue({ type: 'number', minimum: 0.01, maximum: 10000 }), (value) => {
        expect(typeof value).toBe('number');
        expect(value as number).toBeGreaterThanOrEqual(0.01);
        expect(value as number).toBeLessThanOrEqual(10000);
      }),
      { numRuns: 200 },
    );
  });

  it('I11.6 mutations name the field they broke and put the bad value exactly there', () => {
    const body = { lines: [{ productName: 'x' }], a: 1 };
    expect(placesIn(body)).toEqual([[], ['lines'], ['lines', 0], ['lines', 0, 'productName'], ['a']]);
    expect(fieldName(['lines', 0, 'productName'])).toBe('lines[0].productName');
    expect(replaceAt(body, ['lines', 0, 'productName'], '\u0000')).toEqual({ lines: [{ productName: '\u0000' }], a: 1 });
    expect(body.lines[0].productName).toBe('x');
    expect(JSON.stringify(withOwnKey({ a: 1 }, '__proto__', { p: 1 }))).toBe('{"a":1,"__proto__":{"p":1}}');
    expect(deeplyNested(3, 'array')).toBe('[[[1]]]');
    expect(deeplyNested(2, 'object')).toBe('{"a":{"a":1}}');
  });

  it('I11.6 a run is reproducible from its seed, goes through the operations in turn and mixes valid and mutated requests', () => {
    const ctx = { users: ['sales.staff', 'leader'], pool: new Map([['id', ['0b7f9c1e-5d2a-4c3b-9a1e-000000000001']]]) };
    const a = Array.from({ length: 80 }, (_, n) => nthRequest(ops, n, 7, ctx));
    const b = Array.from({ length: 80 }, (_, n) => nthRequest(ops, n, 7, ctx));
    expect(a).toEqual(b);
    expect(a.slice(0, 4).map((r) => r.operation)).toEqual(['list', 'create', 'get', 'token']);
    const mutations = new Set(a.map((r) => (r.mutation === 'valid' ? 'valid' : r.mutation.split(':')[0].split(' ')[0])));
    for (const kind of ['valid', 'body', 'path', 'query', 'method']) expect(mutations).toContain(kind);
    for (const r of a) expect(r.path.startsWith('/api/v1/')).toBe(true);
  });

  it('I11.6 every request is one node:http can send: an ASCII path, and a JSON body wherever a valid body is sent', () => {
    const ctx = { users: ['sales.staff'], pool: new Map<string, string[]>() };
    fc.assert(
      fc.property(requestFor(byId('create'), ctx), (r) => {
        expect(r.path).toMatch(/^[\x21-\x7e]+$/);
        if (r.mutation === 'valid') expect(() => JSON.parse(r.body as string)).not.toThrow();
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('I11.6 answers feed the pool of ids and codes; the tally counts per operation and class', () => {
    const pool = new Map<string, string[]>();
    collectValues(JSON.stringify({ items: [{ id: 'a', code: 'P-1', nested: { orderId: 'o' } }], total: 1 }), pool);
    collectValues('not json', pool);
    expect(Object.fromEntries(pool)).toEqual({ id: ['a'], code: ['P-1'], orderId: ['o'] });
    const tally = new FuzzTally();
    tally.count('create', 201);
    tally.count('create', 400);
    tally.count('list', 503);
    expect([tally.sent, tally.operations, tally.serverErrors]).toEqual([3, 2, 1]);
    expect(tally.table()).toContain('3 requests, 2 operations, 1 answered 5xx');
  });
});
