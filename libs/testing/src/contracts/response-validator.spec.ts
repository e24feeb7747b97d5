import { apiClient } from './api-client';
import type { OpenApiDocument } from './openapi-document';
import { ContractViolation, type ObservedResponse, ResponseValidator } from './response-validator';

const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }, description: 'problem details' };

/** A small document in the shape the platform writes: views as components, problem details for errors. */
const doc: OpenApiDocument = {
  openapi: '3.0.0',
  info: { title: 'things', version: '1' },
  paths: {
    '/things/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'the thing', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': problem,
        },
      },
      delete: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'gone' } },
      },
    },
    '/things': {
      get: { responses: { '200': { description: 'a page of things, shape not declared' } } },
      post: { responses: { '201': { description: 'created', content: { 'application/json': {} } }, '4XX': problem } },
    },
    '/things/{id}/document.pdf': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'the PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'name', 'size', 'note', 'kind', 'at'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          name: { type: 'string', minLength: 1 },
          size: { type: 'integer', minimum: 0, exclusiveMinimum: true },
          note: { type: 'string', nullable: true },
          kind: { type: 'string', enum: ['SMALL', 'LARGE'], nullable: true },
          owner: { allOf: [{ $ref: '#/components/schemas/Owner' }], nullable: true },
          at: { type: 'string', format: 'date-time' },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
      Owner: { type: 'object', required: ['username'], properties: { username: { type: 'string' } } },
      Problem: { type: 'object', required: ['type', 'title', 'status', 'detail'], properties: { status: { type: 'integer' } } },
    },
  },
};

const thing = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  name: 'bolt',
  size: 3,
  note: null,
  kind: null,
  owner: null,
  at: '2026-12-01T10:00:00.000Z',
  tags: ['steel'],
};

const answer = (over: Partial<ObservedResponse>): ObservedResponse => ({
  method: 'GET',
  path: '/things/{id}',
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: thing,
  ...over,
});

/** The ContractViolation a check throws (fails the test if it does not throw one). */
function violation(validator: ResponseValidator, observed: ObservedResponse): ContractViolation {
  try {
    validator.check(observed);
  } catch (err) {
    if (err instanceof ContractViolation) return err;
    throw err;
  }
  throw new Error('expected a ContractViolation');
}

describe(ResponseValidator.name, () => {
  it('passes an answer that matches its declared schema: $refs resolved, nullable honoured (on a $ref and an enum too), formats checked', () => {
    const v = new ResponseValidator(doc);
    expect(v.check(answer({}))).toEqual({ outcome: 'checked', operation: 'GET /things/{id}', status: 200, mediaType: 'application/json', bodyValidated: true });
    v.check(answer({ body: { ...thing, note: 'n', kind: 'LARGE', owner: { username: 'li' } } }));
    v.check(answer({ method: 'delete', status: 204, contentType: null, body: undefined }));
    v.check(answer({ status: 404, contentType: 'application/problem+json', body: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'no thing' } }));
    expect(v.report().checked).toEqual(new Map([['GET /things/{id} 200', 2], ['DELETE /things/{id} 204', 1], ['GET /things/{id} 404', 1]]));
    expect(v.report().uncheckable.size).toBe(0);
  });

  it('fails a missing required field, a wrong type, an undeclared field, a bad format or enum, naming operation, status and path', () => {
    const v = new ResponseValidator(doc);
    const { name: _name, ...withoutName } = thing;
    const missing = violation(v, answer({ body: withoutName }));
    expect(missing).toMatchObject({ operation: 'GET /things/{id}', status: 200, problems: ['(body): lacks required "name"'] });
    expect(missing.message).toContain('GET /things/{id} answered 200');
    expect(violation(v, answer({ body: { ...thing, size: '3' } })).problems).toEqual(['/size: must be integer']);
    expect(violation(v, answer({ body: { ...thing, size: 0 } })).problems).toEqual(['/size: must be > 0']);
    expect(violation(v, answer({ body: { ...thing, extra: 1 } })).problems).toEqual(['(body): has "extra", which the schema does not declare']);
    expect(violation(v, answer({ body: { ...thing, at: 'yesterday' } })).problems).toEqual(['/at: must match format "date-time"']);
    expect(violation(v, answer({ body: { ...thing, tags: [1] } })).problems).toEqual(['/tags/0: must be string']);
    expect(violation(v, answer({ body: { ...thing, owner: {} } })).problems).toContain('/owner: lacks required "username"');
    expect(violation(v, answer({ body: { ...thing, kind: 'HUGE' } })).problems).toContain('/kind: must be equal to one of the allowed values ["SMALL","LARGE"]');
  });

  it('fails an undeclared status, an undeclared content type, an unknown operation and a missing body', () => {
    const v = new ResponseValidator(doc);
    expect(violation(v, answer({ status: 500 })).problems).toEqual(['status 500 is not declared (declared: 200, 404)']);
    expect(violation(v, answer({ status: 404, contentType: 'text/html', body: '<p>' })).problems).toEqual([
      'content type text/html is not declared for 404 (declared: application/problem+json)',
    ]);
    expect(violation(v, answer({ method: 'PUT' })).problems).toEqual(['the document declares no such operation']);
    expect(violation(v, answer({ body: undefined })).problems).toEqual(['the body is empty, but 200 application/json declares one']);
  });

  it('a status range and a non-JSON body: the range matches, the content type is checked, the bytes are not', () => {
    const v = new ResponseValidator(doc);
    v.check(answer({ method: 'POST', path: '/things', status: 422, contentType: 'application/problem+json', body: { type: 't', title: 't', status: 422, detail: 'd' } }));
    expect(v.check(answer({ path: '/things/{id}/document.pdf', contentType: 'application/pdf', body: '%PDF-1.7' }))).toMatchObject({ outcome: 'checked', bodyValidated: false });
    expect(() => v.check(answer({ path: '/things/{id}/document.pdf' }))).toThrow(ContractViolation);
  });

  it('reports an answer whose declared response has no schema, and fails it once undeclared schemas are not accepted', () => {
    const lenient = new ResponseValidator(doc);
    expect(lenient.check(answer({ path: '/things', body: { items: [] } }))).toMatchObject({ outcome: 'no-schema' });
    lenient.check(answer({ method: 'POST', path: '/things', status: 201, body: { id: 'x' } }));
    expect([...lenient.report().uncheckable.keys()]).toEqual(['GET /things 200', 'POST /things 201']);
    expect(lenient.formatReport()).toContain('answers not checkable, no schema declared: 2');
    const strict = new ResponseValidator(doc, { undeclaredSchema: 'fail' });
    expect(violation(strict, answer({ path: '/things', body: { items: [] } })).problems[0]).toMatch(/declares no content.*cannot be checked/);
    // A status declared without content, answered without a body, has nothing to check: it passes either way.
    strict.check(answer({ method: 'DELETE', status: 204, contentType: null, body: undefined }));
  });

  it('the typed client runs every answer through the validator: a lie throws out of the call, the truth comes back typed', async () => {
    const v = new ResponseValidator(doc);
    let body: unknown = thing;
    const fakeFetch = async (input: string | URL | Request) => {
      expect(String(input instanceof Request ? input.url : input)).toBe('http://gateway.test/things/3b241101-e2bb-4255-8caf-4136c566a962');
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    // The generated types are the platform's; this document is not, so the path is given as a plain string.
    const client = apiClient('http://gateway.test', 'token', { validator: v, fetch: fakeFetch as typeof fetch }) as unknown as {
      GET: (path: string, init: object) => Promise<{ data?: unknown; response: Response }>;
    };
    const ok = await client.GET('/things/{id}', { params: { path: { id: thing.id } } });
    expect(ok.data).toEqual(thing);
    body = { ...thing, size: -1 };
    await expect(client.GET('/things/{id}', { params: { path: { id: thing.id } } })).rejects.toThrow('GET /things/{id} answered 200');
  });
});
