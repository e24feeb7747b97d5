import { breakingChanges } from './breaking-changes';
import type { OpenApiDocument } from './openapi-document';

/** The contract as it was: one resource, created and read, with a view and a request body in components. */
function base(): OpenApiDocument {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/orders': {
        post: {
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateOrder' } } } },
          responses: { '201': { description: 'created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } },
        },
        get: {
          security: [{ bearer: [] }],
          parameters: [{ name: 'page', in: 'query', required: false, schema: { type: 'integer' } }],
          responses: {
            '200': {
              description: 'a page',
              content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Order' } } } } } },
            },
            '404': { description: 'none' },
          },
        },
      },
      '/orders/{id}': {
        get: {
          security: [],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'one', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } },
        },
      },
    },
    components: {
      schemas: {
        Order: {
          type: 'object',
          required: ['id', 'status', 'total'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            status: { type: 'string', enum: ['RECEIVED', 'ISSUED'] },
            total: { type: 'number' },
            note: { type: 'string', nullable: true },
            parent: { $ref: '#/components/schemas/Order' },
          },
        },
        CreateOrder: {
          type: 'object',
          required: ['customerId'],
          properties: {
            customerId: { type: 'string' },
            channel: { type: 'string', enum: ['PHONE', 'EMAIL'] },
            quantity: { type: 'integer', maximum: 100 },
            comment: { type: 'string', nullable: true },
          },
        },
      },
    },
  };
}

/** The base contract changed by `edit`, and what `breakingChanges` says of it. */
function after(edit: (doc: OpenApiDocument & { components: { schemas: Record<string, Record<string, never>> } }) => void) {
  const next = base() as OpenApiDocument & { components: { schemas: Record<string, Record<string, never>> } };
  edit(next);
  return breakingChanges(base(), next).map((c) => `${c.where}: ${c.change}`);
}

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the edits reach anywhere into the document

describe(breakingChanges.name, () => {
  it('finds nothing between a document and itself, nor in additions a client does not depend on', () => {
    expect(breakingChanges(base(), base())).toEqual([]);
    expect(
      after((d) => {
        const s = d.components.schemas as Loose;
        s.Order.properties.extra = { type: 'string' }; // a new response field
        s.CreateOrder.properties.priority = { type: 'integer' }; // a new optional request field
        s.CreateOrder.properties.channel.enum.push('FAX'); // a request accepts more
        s.CreateOrder.properties.quantity.maximum = 1000; // and larger
        s.Order.properties.status.enum.pop(); // a response says less
        (d.paths as Loose)['/orders'].get.responses['200'].description = 'reworded';
        delete (d.paths as Loose)['/orders'].get.responses['404']; // an error it no longer answers
        (d.paths as Loose)['/orders/{id}'].delete = { responses: { '204': { description: 'gone' } } };
        (d.paths as Loose)['/customers'] = { get: { responses: { '200': { description: 'new' } } } };
      }),
    ).toEqual([]);
  });

  it('a removed path or operation', () => {
    expect(after((d) => delete (d.paths as Loose)['/orders/{id}'])).toEqual(['/orders/{id}: path removed']);
    expect(after((d) => delete (d.paths as Loose)['/orders'].get)).toEqual(['GET /orders: operation removed']);
  });

  it('a removed response field or one no longer always there, in a component reached through $ref (and arrays of it)', () => {
    expect(after((d) => delete (d.components.schemas as Loose).Order.properties.total)).toEqual([
      'GET /orders 200 application/json: items[].total: response property removed',
      'POST /orders 201 application/json: total: response property removed',
      'GET /orders/{id} 200 application/json: total: response property removed',
    ]);
    expect(after((d) => ((d.components.schemas as Loose).Order.required = ['id', 'status']))).toContain(
      'GET /orders/{id} 200 application/json: total: no longer always present (was required)',
    );
  });

  it('a response value widened: a new enum value, a type changed, null now possible; a success or its body no longer declared', () => {
    expect(after((d) => (d.components.schemas as Loose).Order.properties.status.enum.push('CANCELLED'))).toContain(
      'GET /orders/{id} 200 application/json: status: may now be "CANCELLED"',
    );
    expect(after((d) => ((d.components.schemas as Loose).Order.properties.total = { type: 'string' }))).toContain(
      'GET /orders/{id} 200 application/json: total: type changed from number to string',
    );
    expect(after((d) => ((d.components.schemas as Loose).Order.properties.total.nullable = true))).toContain(
      'GET /orders/{id} 200 application/json: total: may now be null',
    );
    // number -> integer narrows what a client gets: compatible.
    expect(after((d) => ((d.components.schemas as Loose).Order.properties.total.type = 'integer'))).toEqual([]);
    expect(after((d) => ((d.paths as Loose)['/orders'].post.responses = { '200': (d.paths as Loose)['/orders'].post.responses['201'] }))).toEqual([
      'POST /orders 201: response removed',
    ]);
    expect(after((d) => delete (d.paths as Loose)['/orders/{id}'].get.responses['200'].content['application/json'].schema)).toEqual([
      'GET /orders/{id} 200 application/json: body no longer declared',
    ]);
  });

  it('a request narrowed: a new required field, a narrowed enum or type, null refused, a tighter limit, a removed field', () => {
    expect(after((d) => (d.components.schemas as Loose).CreateOrder.required.push('channel'))).toEqual([
      'POST /orders request body application/json: channel: request field now required',
    ]);
    expect(
      after((d) => {
        (d.components.schemas as Loose).CreateOrder.properties.deliveryDate = { type: 'string' };
        (d.components.schemas as Loose).CreateOrder.required.push('deliveryDate');
      }),
    ).toEqual(['POST /orders request body application/json: deliveryDate: new required request field']);
    expect(after((d) => ((d.components.schemas as Loose).CreateOrder.properties.channel.enum = ['PHONE']))).toEqual([
      'POST /orders request body application/json: channel: no longer accepts "EMAIL"',
    ]);
    expect(after((d) => ((d.components.schemas as Loose).CreateOrder.properties.customerId = { type: 'integer' }))).toEqual([
      'POST /orders request body application/json: customerId: type changed from string to integer',
    ]);
    expect(after((d) => delete (d.components.schemas as Loose).CreateOrder.properties.comment.nullable)).toEqual([
      'POST /orders request body application/json: comment: no longer accepts null',
    ]);
    expect(after((d) => ((d.components.schemas as Loose).CreateOrder.properties.quantity.maximum = 10))).toEqual([
      'POST /orders request body application/json: quantity: maximum 100 -> 10',
    ]);
    expect(after((d) => delete (d.components.schemas as Loose).CreateOrder.properties.comment)).toEqual([
      'POST /orders request body application/json: comment: request property removed (sending it is now refused)',
    ]);
  });

  it('a new required parameter or body, a query parameter dropped, a public operation that now needs a token', () => {
    expect(after((d) => (d.paths as Loose)['/orders'].get.parameters.push({ name: 'year', in: 'query', required: true, schema: { type: 'integer' } }))).toEqual([
      'GET /orders parameter query:year: new required parameter',
    ]);
    expect(after((d) => ((d.paths as Loose)['/orders'].get.parameters[0].required = true))).toEqual(['GET /orders parameter query:page: parameter now required']);
    expect(after((d) => ((d.paths as Loose)['/orders'].get.parameters = []))).toEqual([
      'GET /orders parameter query:page: query parameter removed (sending it is now refused)',
    ]);
    expect(after((d) => ((d.paths as Loose)['/orders/{id}'].get.requestBody = { required: true, content: {} }))).toEqual([
      'GET /orders/{id} request body: new required request body',
    ]);
    expect(after((d) => ((d.paths as Loose)['/orders/{id}'].get.security = [{ bearer: [] }]))).toEqual(['GET /orders/{id}: now needs a token']);
  });

  it('an allOf is compared as the object it makes, and a nullable anyOf as its one member', () => {
    const wrapped = after((d) => {
      const s = d.components.schemas as Loose;
      const { note: _note, ...properties } = s.Order.properties;
      s.Order = { allOf: [{ type: 'object', required: s.Order.required, properties }, { type: 'object', properties: { note: { anyOf: [{ type: 'string' }, { type: 'null' }] } } }] };
    });
    expect(wrapped).toEqual([]);
    expect(
      after((d) => {
        const s = d.components.schemas as Loose;
        s.Order = { allOf: [{ type: 'object', required: ['id'], properties: { id: s.Order.properties.id } }] };
      }),
    ).toContain('GET /orders/{id} 200 application/json: status: response property removed');
  });
});
