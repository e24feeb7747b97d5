import { compareWithSnapshot, contractFigures } from './contract-check';
import { documentDifferences, normaliseOpenApi, type OpenApiDocument, snapshotText, validateOpenApiDocument } from './openapi-document';

const problem = { description: 'p', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

function doc(): OpenApiDocument {
  return {
    openapi: '3.0.0',
    info: { title: 'api', version: '1' },
    servers: [{ url: 'http://127.0.0.1:3700' }],
    tags: [{ name: 'orders' }, { name: 'auth' }],
    paths: {
      '/orders/{id}': {
        get: {
          operationId: 'getOrder',
          security: [{ bearer: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'one', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } }, '404': problem },
        },
      },
      '/auth/token': { post: { operationId: 'token', security: [], responses: { '200': { description: 'no schema yet' }, '401': { description: 'bare' } } } },
    },
    components: {
      schemas: {
        Order: { type: 'object', required: ['status', 'id'], properties: { status: { type: 'string' }, id: { type: 'string' } } },
        Problem: { type: 'object' },
      },
    },
  };
}

type Loose = { paths: Record<string, Record<string, Record<string, unknown>>>; info: { version: string } };

/** The document changed by `change`, reaching anywhere into it. */
function edited(change: (d: Loose) => void): OpenApiDocument {
  const d = doc();
  change(d as unknown as Loose);
  return d;
}

describe('OpenAPI documents', () => {
  it('a valid 3.0 document passes the maintained validator; a broken one fails naming why; 3.1 or Swagger 2 is refused', async () => {
    expect(await validateOpenApiDocument(doc())).toEqual({ valid: true, errors: [], warnings: [] });
    const duplicate = edited((d) => (d.paths['/auth/token'].post.operationId = 'getOrder'));
    expect((await validateOpenApiDocument(duplicate)).errors).toEqual(['The operationId `getOrder` is duplicated and must be made unique.']);
    const dangling = doc();
    (dangling.components?.schemas as Record<string, unknown>).Order = { $ref: '#/components/schemas/Nothing' };
    expect(await validateOpenApiDocument(dangling)).toMatchObject({ valid: false });
    const noResponses = edited((d) => delete d.paths['/orders/{id}'].get.responses);
    expect(await validateOpenApiDocument(noResponses)).toMatchObject({ valid: false });
    expect((await validateOpenApiDocument({ ...doc(), openapi: '3.1.0' })).errors).toEqual(['not an OpenAPI 3.0 document: openapi is "3.1.0"']);
    expect(await validateOpenApiDocument({ swagger: '2.0' })).toMatchObject({ valid: false });
  });

  it('the snapshot form is stable: keys and required lists sorted, servers dropped, tags by name, the input untouched', () => {
    const original = doc();
    const normal = normaliseOpenApi(original);
    expect(Object.keys(normal)).toEqual(['components', 'info', 'openapi', 'paths', 'tags']);
    expect(normal.tags?.map((t) => t.name)).toEqual(['auth', 'orders']);
    expect((normal.components?.schemas?.Order as { required: string[] }).required).toEqual(['id', 'status']);
    expect(original.servers).toHaveLength(1);
    const reordered = { ...doc(), paths: Object.fromEntries(Object.entries(doc().paths).reverse()) };
    expect(snapshotText(reordered)).toBe(snapshotText(original));
    expect(snapshotText(original).endsWith('}\n')).toBe(true);
  });

  it('differences are listed one per line, readable, with + for added, - for removed and ~ for changed', () => {
    expect(documentDifferences(doc(), { ...doc(), servers: [{ url: 'elsewhere' }] })).toEqual([]);
    const next = edited((d) => {
      d.paths['/orders/{id}'].get.summary = 'One order';
      delete d.paths['/auth/token'];
      d.info.version = '2';
    });
    expect(documentDifferences(doc(), next)).toEqual([
      '~ info.version: "1" -> "2"',
      '- paths["/auth/token"]: {"post":{"operationId":"token","responses":{"200":{"description":"no schema yet"},"401":{"description":"bare"}},"security":[]}}',
      '+ paths["/orders/{id}"].get.summary: "One order"',
    ]);
  });

  it('compared with the snapshot: the same passes; a change says what and how to update; a break without a new version is named as such', () => {
    expect(compareWithSnapshot(doc(), doc())).toMatchObject({ same: true, message: '' });
    const added = edited((d) => (d.paths['/orders/{id}'].get.summary = 'One order'));
    const change = compareWithSnapshot(doc(), added);
    expect(change).toMatchObject({ same: false, breaking: [], unannouncedBreak: false });
    expect(change.message).toContain('differs from docs/api/openapi.json in 1 place(s)');
    expect(change.message).toContain('npm run contracts:openapi');
    const removed = edited((d) => delete d.paths['/auth/token']);
    const broken = compareWithSnapshot(doc(), removed);
    expect(broken).toMatchObject({ same: false, unannouncedBreak: true, breaking: [{ where: '/auth/token', change: 'path removed' }] });
    expect(broken.message).toContain('1 of the changes can BREAK existing clients');
    expect(broken.message).toContain('info.version is still 1');
    expect(broken.message).toContain('It refuses a break while info.version stays');
    const announced = compareWithSnapshot(doc(), { ...removed, info: { title: 'api', version: '2' } });
    expect(announced).toMatchObject({ unannouncedBreak: false, versionMoved: true });
    expect(announced.message).toContain('info.version moved (1 -> 2)');
  });

  it('counts what the document declares per operation', () => {
    expect(contractFigures(doc())).toEqual({
      operations: 2,
      successSchemas: 1,
      successWithoutSchema: 1,
      withErrors: 2,
      errorsAsProblemDetails: 1,
      secured: 1,
      public: 1,
      noSecurity: 0,
      components: 2,
    });
  });
});
