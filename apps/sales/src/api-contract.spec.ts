import 'reflect-metadata';
import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, INTERCEPTORS_METADATA, MODULE_METADATA, PATH_METADATA, SELF_DECLARED_DEPS_METADATA } from '@nestjs/common/constants';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ACCESS_RULES, AuditController, completeApiDocument, HealthController, IS_PUBLIC, loadServiceConfig } from '@opm/platform';
import { SalesAppModule } from './app.module';

/**
 * Sales' OpenAPI document (issue 12), built without a database: the controllers of every module the sales app
 * registers, with whatever they inject stubbed (Swagger reads only their metadata). A controller added to a sales
 * module is in here without touching this test, so an operation that does not document its answers fails it.
 */

/**
 * Not sales': the platform's controllers every service has. The health probes are left out of the document on
 * purpose; the audit trail's endpoints are the platform's to document.
 */
const NOT_SALES: ReadonlySet<Type> = new Set([HealthController, AuditController]);

type ModuleEntry = Type | DynamicModule | Promise<DynamicModule> | { forwardRef: () => unknown };

function controllersOf(entry: ModuleEntry, seen = new Set<unknown>()): Type[] {
  if (!entry || seen.has(entry) || entry instanceof Promise || 'forwardRef' in entry) return [];
  seen.add(entry);
  const dynamic = typeof entry === 'function' ? undefined : entry;
  const cls = (typeof entry === 'function' ? entry : entry.module) as Type;
  const read = <T>(key: string): T[] => Reflect.getMetadata(key, cls) ?? [];
  const controllers = [...read<Type>(MODULE_METADATA.CONTROLLERS), ...(dynamic?.controllers ?? [])];
  const imports = [...read<ModuleEntry>(MODULE_METADATA.IMPORTS), ...((dynamic?.imports ?? []) as ModuleEntry[])];
  return [...controllers, ...imports.flatMap((i) => controllersOf(i, seen))];
}

/** What a class injects: its constructor's types, or the tokens of `@Inject(...)`. */
function injected(cls: Type): unknown[] {
  const types: unknown[] = [...(Reflect.getMetadata('design:paramtypes', cls) ?? [])];
  for (const { index, param } of (Reflect.getMetadata(SELF_DECLARED_DEPS_METADATA, cls) ?? []) as { index: number; param: unknown }[]) types[index] = param;
  return types;
}

function handlersOf(controller: Type): Function[] {
  return Object.getOwnPropertyNames(controller.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => controller.prototype[name])
    .filter((fn): fn is Function => typeof fn === 'function');
}

/** Stubs for everything the controllers and their interceptors (`@Idempotent()`) inject; Nest's own Reflector is real. */
function stubsFor(controllers: Type[]): Provider[] {
  const interceptors = controllers.flatMap((c) => [c, ...handlersOf(c)].flatMap((t) => (Reflect.getMetadata(INTERCEPTORS_METADATA, t) ?? []) as Type[]));
  const tokens = new Set([...controllers, ...interceptors].flatMap(injected).filter((t) => t !== Reflector && t !== undefined));
  return [...tokens].map((token) => ({ provide: token as Type, useValue: {} }));
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

interface Operation {
  key: string;
  method: string;
  path: string;
  op: Record<string, unknown> & { responses: Record<string, Record<string, unknown>>; parameters?: { in: string; name: string }[] };
  handler: Function;
  controller: Type;
}

describe('sales API document (issue 12)', () => {
  let doc: OpenAPIObject;
  let operations: Operation[];
  let controllers: Type[];

  beforeAll(async () => {
    const config = loadServiceConfig('sales', { NODE_ENV: 'test' });
    controllers = [...new Set(controllersOf(SalesAppModule.register(config)))].filter((c) => !NOT_SALES.has(c));
    const app = await NestFactory.create(
      { module: class SalesApiDocumentModule {}, controllers, providers: stubsFor(controllers) },
      new FastifyAdapter(),
      { logger: false },
    );
    try {
      doc = completeApiDocument(SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build()));
    } finally {
      await app.close();
    }
    const byOperationId = new Map<string, { handler: Function; controller: Type }>(
      controllers.flatMap((c) => handlersOf(c).map((h) => [`${c.name}_${h.name}`, { handler: h, controller: c }] as const)),
    );
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((method) => {
        const op = item[method] as unknown as Operation['op'];
        const found = byOperationId.get(String(op.operationId));
        if (!found) throw new Error(`${method.toUpperCase()} ${path}: no handler for operationId ${String(op.operationId)}`);
        return { key: `${method.toUpperCase()} ${path}`, method, path, op, ...found };
      }),
    );
  });

  const each = (check: (o: Operation) => string | null) => operations.map((o) => check(o)).filter((problem): problem is string => problem !== null);
  const statuses = (o: Operation) => Object.keys(o.op.responses);
  const lacks = (o: Operation, ...codes: number[]) => codes.filter((c) => !(String(c) in o.op.responses));

  it('covers every HTTP route of the sales controllers', () => {
    const routed = controllers.flatMap((c) => handlersOf(c).filter((h) => Reflect.getMetadata(PATH_METADATA, h) !== undefined));
    expect(operations.length).toBe(routed.length);
    // Every stage and support folder that answers HTTP is in the document.
    for (const tag of ['orders', 'leads', 'customers', 'review', 'approvals', 'issuance']) {
      expect(operations.some((o) => (o.op.tags as string[] | undefined)?.includes(tag))).toBe(true);
    }
  });

  it('every operation has a summary', () => {
    expect(each((o) => (typeof o.op.summary === 'string' && o.op.summary.trim() ? null : o.key))).toEqual([]);
  });

  it("every operation documents one success, with the status Nest answers, and its body's schema (a named view, a page of one, or binary)", () => {
    const isRef = (s: unknown) => typeof (s as { $ref?: unknown })?.$ref === 'string';
    const problems = each((o) => {
      const successes = statuses(o).filter((s) => /^2\d\d$/.test(s));
      const expected = Reflect.getMetadata(HTTP_CODE_METADATA, o.handler) ?? (o.method === 'post' ? 201 : 200);
      if (successes.length !== 1 || successes[0] !== String(expected)) return `${o.key}: success ${successes.join(',') || 'none'}, Nest answers ${expected}`;
      const success = o.op.responses[successes[0]];
      if (typeof success.description !== 'string' || !success.description) return `${o.key}: success without a description`;
      const content = success.content as Record<string, { schema?: Record<string, unknown> }> | undefined;
      if (expected === 204) return content ? `${o.key}: 204 with a body` : null;
      const json = content?.['application/json']?.schema;
      if (json) {
        const page = json as { properties?: { items?: { items?: unknown } } };
        return isRef(json) || isRef(page.properties?.items?.items) ? null : `${o.key}: the body's schema is not a named view`;
      }
      const binary = Object.values(content ?? {}).some((c) => c.schema?.type === 'string' && c.schema?.format === 'binary');
      return binary ? null : `${o.key}: no schema for the body`;
    });
    expect(problems).toEqual([]);
  });

  it('every error is problem details, and every operation documents 401 (and the gateway edge: 413, 415, 429)', () => {
    const problems = each((o) => {
      const missing = lacks(o, 401, 413, 415, 429);
      if (missing.length) return `${o.key}: no ${missing.join(', ')}`;
      const notProblem = statuses(o).filter((s) => Number(s) >= 400 && JSON.stringify(o.op.responses[s].content) !== JSON.stringify({ 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } }));
      return notProblem.length ? `${o.key}: ${notProblem.join(', ')} not problem details` : null;
    });
    expect(problems).toEqual([]);
  });

  it('input can be refused (400); @Allow can refuse (403); If-Match can be stale (409)', () => {
    const problems = each((o) => {
      const takesInput = (o.op.parameters ?? []).some((p) => p.in === 'path' || p.in === 'query') || o.op.requestBody !== undefined;
      const restricted = Reflect.getMetadata(ACCESS_RULES, o.handler) ?? Reflect.getMetadata(ACCESS_RULES, o.controller);
      const ifMatch = (o.op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'If-Match');
      const missing = [...(takesInput ? lacks(o, 400) : []), ...(restricted ? lacks(o, 403) : []), ...(ifMatch ? lacks(o, 409) : [])];
      return missing.length ? `${o.key}: no ${missing.join(', ')}` : null;
    });
    expect(problems).toEqual([]);
  });

  it('an @Idempotent() write documents Idempotency-Key, its 409 and 422, and Idempotent-Replayed', () => {
    const idempotent = operations.filter((o) => ((Reflect.getMetadata(INTERCEPTORS_METADATA, o.handler) ?? []) as Type[]).some((i) => i.name === 'IdempotencyInterceptor'));
    expect(idempotent.map((o) => o.key).sort()).toEqual(['POST /approvals/delegations', 'POST /customers', 'POST /leads', 'POST /leads/{id}/convert', 'POST /orders']);
    const problems = idempotent.flatMap((o) => {
      const header = (o.op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      const success = Object.entries(o.op.responses).find(([s]) => /^2/.test(s))?.[1] as { headers?: Record<string, unknown> };
      return [
        ...(header ? [] : [`${o.key}: no Idempotency-Key header`]),
        ...lacks(o, 409, 422).map((c) => `${o.key}: no ${c}`),
        ...(success?.headers?.['Idempotent-Replayed'] ? [] : [`${o.key}: no Idempotent-Replayed header`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('the writes on an order that take If-Match say so', () => {
    const withIfMatch = operations.filter((o) => (o.op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'If-Match')).map((o) => o.key);
    expect(withIfMatch.sort()).toEqual([
      'PATCH /orders/{id}',
      'POST /orders/{id}/approvals/{step}/decision',
      'POST /orders/{id}/escalation/decision',
      'POST /orders/{id}/issue',
      'POST /orders/{id}/revise',
    ]);
  });

  it('needs a bearer token everywhere but on public operations', () => {
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const problems = each((o) => {
      const isPublic = Reflect.getMetadata(IS_PUBLIC, o.handler) ?? Reflect.getMetadata(IS_PUBLIC, o.controller);
      return JSON.stringify(o.op.security) === JSON.stringify(isPublic ? [] : [{ bearer: [] }]) ? null : `${o.key}: security ${JSON.stringify(o.op.security)}`;
    });
    expect(problems).toEqual([]);
  });

  it('every $ref names a component, and every view is an object schema', () => {
    const refs = [...JSON.stringify(doc.paths).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g), ...JSON.stringify(doc.components).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    const schemas = doc.components?.schemas ?? {};
    expect([...new Set(refs)].filter((name) => !(name in schemas))).toEqual([]);
    for (const name of ['Order', 'Lead', 'Customer', 'ReviewRounds', 'ApprovalChain', 'ApprovalDecisionResult', 'Delegation', 'Delegations', 'IssuedOrder', 'Issuance', 'DocumentVerification', 'CustomerConfirmation', 'CustomerConfirmations']) {
      expect({ name, type: (schemas[name] as { type?: string } | undefined)?.type }).toEqual({ name, type: 'object' });
    }
  });

  it('the order view is the documented shape: status values, nullable fields, the preliminary review', () => {
    const order = doc.components?.schemas?.Order as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(order.required).toEqual(expect.arrayContaining(['id', 'number', 'status', 'version', 'totalAmount', 'currency', 'lines', 'specialRequirements', 'preliminaryReview']));
    expect(order.properties.status.enum).toContain('AWAITING_INFO');
    expect(order.properties.deliveryDate).toMatchObject({ type: 'string', format: 'date', nullable: true });
    expect(JSON.stringify(order.properties.preliminaryReview)).toContain('COMPLETENESS');
  });

  it('the main writes show an example body', () => {
    const examples = (key: string) => {
      const o = operations.find((x) => x.key === key);
      return Object.keys(((o?.op.requestBody as { content?: Record<string, { examples?: object }> })?.content?.['application/json']?.examples ?? {}) as object);
    };
    for (const key of [
      'POST /orders',
      'PATCH /orders/{id}',
      'POST /orders/{id}/escalation/decision',
      'POST /orders/{id}/revise',
      'POST /orders/{id}/review/panel/conclusion',
      'POST /orders/{id}/approvals/{step}/decision',
      'POST /approvals/delegations',
      'POST /orders/{id}/customer-confirmation',
      'POST /leads',
      'POST /leads/{id}/convert',
    ]) {
      expect({ key, examples: examples(key).length > 0 }).toEqual({ key, examples: true });
    }
  });

  it('the printable order is a PDF, and no create claims a Location it does not send', () => {
    const pdf = operations.find((o) => o.key === 'GET /orders/{id}/document.pdf');
    expect(pdf?.op.responses['200']).toMatchObject({
      content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
      headers: { 'Content-Disposition': expect.any(Object) },
    });
    expect(JSON.stringify(doc.paths)).not.toMatch(/"Location"/);
  });
});
