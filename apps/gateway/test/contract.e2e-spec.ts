import { randomUUID } from 'node:crypto';
import { DEMO_CUSTOMERS, DEPARTMENT_SERVICES, SERVICES } from '@opm/contracts';
import {
  apiClient,
  compareWithSnapshot,
  type components,
  ContractViolation,
  contractFigures,
  DEMO_PASSWORD,
  eventually,
  type OpenApiDocument,
  operationsOf,
  orderBody,
  readOpenApiSnapshot,
  ResponseValidator,
  TestStack,
  validateOpenApiDocument,
} from '@opm/testing';

/**
 * Every operation declares its responses (issue 12), so an answer whose operation declares no schema fails the
 * test. `false` would only report such answers (printed at the end, and counted), for a migration period.
 */
const UNDECLARED_SCHEMA_FAILS = true;

/** What may be called without a token, as the document must say (`security: []`). */
const PUBLIC_OPERATIONS = ['GET /api/docs', 'GET /api/docs-json', 'GET /health/live', 'GET /health/ready', 'POST /api/v1/auth/token'];

/** The gateway's own views: its document holds them beside every service's components. */
const GATEWAY_COMPONENTS = ['AccessToken', 'AuditVerificationSummary', 'CombinedOrder', 'GatewayHealth', 'OpenApiDocument', 'OrderAuditTrail', 'ProblemDetails'];

/** An answer whose operation declares no schema yet has no type either: read it as what the test expects. */
const untyped = <T>(data: unknown): T => data as T;

/**
 * The public contract (issue 12): the gateway's merged OpenAPI document is valid, matches the checked-in
 * snapshot (docs/api/openapi.json), and what the system answers through the typed client matches it.
 */
describe('public API contract (e2e)', () => {
  let stack: TestStack;
  let gateway: string;
  let live: OpenApiDocument;
  let validator: ResponseValidator;
  /** The order the main flow records. */
  let orderId: string | undefined;

  beforeAll(async () => {
    stack = await TestStack.start();
    gateway = stack.member('gateway').baseUrl;
    live = (await (await fetch(`${gateway}/api/docs-json`)).json()) as OpenApiDocument;
    validator = new ResponseValidator(live, { undeclaredSchema: UNDECLARED_SCHEMA_FAILS ? 'fail' : 'report' });
    await stack.waitForDemoData();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const client = (token?: string) => apiClient(gateway, token, { validator });
  const login = async (username: string): Promise<string> => {
    const { data } = await client().POST('/api/v1/auth/token', { body: { username, password: DEMO_PASSWORD } });
    if (!data) throw new Error(`login as ${username} failed`);
    return data.accessToken;
  };

  it('N1 the merged document is valid OpenAPI 3.0, keeps every service\'s components and the gateway\'s, and declares bearer security', async () => {
    const validation = await validateOpenApiDocument(live);
    expect(validation.errors).toEqual([]);
    expect(live.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const operations = operationsOf(live);
    expect(operations.filter((o) => o.operation.security === undefined).map((o) => o.name)).toEqual([]);
    expect(operations.filter((o) => o.operation.security?.length === 0).map((o) => o.name).sort()).toEqual(PUBLIC_OPERATIONS);
    expect(operations.filter((o) => JSON.stringify(o.operation.security) !== '[]').every((o) => JSON.stringify(o.operation.security) === '[{"bearer":[]}]')).toBe(true);
    const components = Object.keys(live.components?.schemas ?? {});
    expect(components).toEqual(expect.arrayContaining(GATEWAY_COMPONENTS));
    for (const service of SERVICES) {
      const own = (await (await fetch(`${stack.member(service).baseUrl}/docs-json`)).json()) as OpenApiDocument;
      expect({ service, missing: Object.keys(own.components?.schemas ?? {}).filter((c) => !components.includes(c)) }).toEqual({ service, missing: [] });
    }
    const f = contractFigures(live);
    console.log(
      `merged document: ${f.operations} operations; every 2xx with a schema: ${f.successSchemas}, some 2xx without: ${f.successWithoutSchema}; ` +
        `errors declared: ${f.withErrors} (all as problem details: ${f.errorsAsProblemDetails}); bearer: ${f.secured}, public: ${f.public}, ` +
        `no security: ${f.noSecurity}; component schemas: ${f.components}`,
    );
  });

  it('N1 matches the checked-in snapshot docs/api/openapi.json; a breaking change also needs a new info.version', () => {
    const comparison = compareWithSnapshot(readOpenApiSnapshot(), live);
    // The message lists every difference, what of it breaks clients, and the command that updates the snapshot.
    if (!comparison.same) throw new Error(comparison.message);
    expect(comparison.unannouncedBreak).toBe(false);
  });

  it('R1.3 the main flow through the typed client, every answer checked against its documented response', async () => {
    const sales = client(await login('sales.staff'));
    const head = client(await login('sales.head'));

    const customers = await sales.GET('/api/v1/customers');
    expect(customers.response.status).toBe(200);
    expect(untyped<{ items: { id: string }[] }>(customers.data).items.map((c) => c.id)).toEqual(expect.arrayContaining(DEMO_CUSTOMERS.map((c) => c.id)));
    const customer = await sales.POST('/api/v1/customers', {
      body: { name: `Contract Check Co. ${randomUUID().slice(0, 8)}`, contactPerson: 'Wang Fang', phone: '+86 10 5555 0199' },
    });
    expect(customer.response.status).toBe(201);

    // Until the order DTO documents its nullable strings as strings (it says `object` today), the body is the fixture's.
    const created = await sales.POST('/api/v1/orders', { body: orderBody() as unknown as components['schemas']['CreateOrderDto'] });
    expect(created.response.status).toBe(201);
    const { id } = untyped<{ id: string }>(created.data);
    orderId = id;

    const combined = await eventually(async () => {
      const { data } = await sales.GET('/api/v1/orders/{id}', { params: { path: { id } } });
      if (!data) throw new Error('no combined view');
      const missing = DEPARTMENT_SERVICES.filter((d) => 'received' in data.departments[d] || 'unavailable' in data.departments[d]);
      if (missing.length > 0) throw new Error(`department parts missing: ${missing.join(', ')}`);
      return data;
    });
    expect(combined).toMatchObject({ id, customerId: DEMO_CUSTOMERS[0].id });

    const review = await eventually(async () => {
      const { data } = await sales.GET('/api/v1/orders/{id}/review', { params: { path: { id } } });
      const rounds = untyped<{ rounds: { round: number; tasks: unknown[] }[] }>(data).rounds;
      if (rounds.length === 0) throw new Error('no review round yet');
      return rounds;
    });
    expect(review[0].round).toBe(1);

    const listed = await sales.GET('/api/v1/orders', { params: { query: { customerId: DEMO_CUSTOMERS[0].id } } });
    expect(untyped<{ items: { id: string }[] }>(listed.data).items.map((o) => o.id)).toContain(id);
    const products = await sales.GET('/api/v1/products');
    expect(untyped<{ items: { code: string }[] }>(products.data).items.map((p) => p.code)).toContain('P-100');

    const trail = await eventually(async () => {
      const { data } = await head.GET('/api/v1/orders/{id}/audit', { params: { path: { id } } });
      if (!data || data.items.filter((e) => e.action === 'order.received').length < DEPARTMENT_SERVICES.length) throw new Error('not every department has recorded the order');
      return data;
    });
    expect(trail.unavailable).toEqual([]);
    const verified = await head.GET('/api/v1/audit/verify');
    expect(verified.data?.ok).toBe(true);

    const anonymous = client();
    expect((await anonymous.GET('/health/live')).data).toEqual({ status: 'ok' });
    expect((await anonymous.GET('/health/ready')).data).toEqual({ status: 'ok' });
    expect((await anonymous.GET('/api/docs-json')).data?.openapi).toBe(live.openapi);
    expect((await anonymous.GET('/api/docs', { parseAs: 'text' })).response.status).toBe(200);
  });

  it('N5 refusals are problem details, as documented: 400, 404 and 401', async () => {
    const sales = client(await login('sales.staff'));
    const bad = await sales.GET('/api/v1/orders/{id}', { params: { path: { id: '123' } } });
    expect(bad.response.status).toBe(400);
    expect(bad.response.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.error?.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);

    const missing = await sales.GET('/api/v1/orders/{id}', { params: { path: { id: randomUUID() } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ status: 404, title: 'Not Found' });

    const anonymous = await client().GET('/api/v1/orders/{id}', { params: { path: { id: randomUUID() } } });
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.error).toMatchObject({ status: 401 });
    const wrong = await client().POST('/api/v1/auth/token', { body: { username: 'sales.staff', password: 'not-the-password' } });
    expect(wrong.response.status).toBe(401);
    expect(wrong.error?.detail).toBe('unknown user or wrong password');
  });

  it('N1 an answer that drifts from its documented schema fails, naming the operation, the status and the path', async () => {
    // The same answers, held to a document that says the combined view also carries a field it does not.
    const drifted = structuredClone(live);
    const combined = drifted.components?.schemas?.CombinedOrder as { required: string[] };
    combined.required = [...combined.required, 'promisedShipDate'];
    const strict = apiClient(gateway, await login('sales.staff'), { validator: new ResponseValidator(drifted) });
    if (!orderId) throw new Error('the main flow recorded no order');
    const error = await strict.GET('/api/v1/orders/{id}', { params: { path: { id: orderId } } }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ContractViolation);
    expect(error).toMatchObject({ operation: 'GET /api/v1/orders/{id}', status: 200, problems: ['(body): lacks required "promisedShipDate"'] });
  });

  it('reports the answers that could not be checked because their operation declares no schema', () => {
    const report = validator.report();
    console.log(`${validator.formatReport()}\n(UNDECLARED_SCHEMA_FAILS = ${UNDECLARED_SCHEMA_FAILS}: ${UNDECLARED_SCHEMA_FAILS ? 'they fail' : 'they are reported'})`);
    // The gateway's own operations declare their schemas: those answers were really checked.
    expect([...report.checked.keys()]).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/token 200', 'GET /api/v1/orders/{id} 200', 'GET /api/v1/orders/{id}/audit 200', 'GET /api/v1/audit/verify 200', 'GET /api/v1/orders/{id} 404']),
    );
    if (UNDECLARED_SCHEMA_FAILS) expect([...report.uncheckable.keys()]).toEqual([]);
  });
});
