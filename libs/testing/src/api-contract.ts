/// <reference types="jest" />
// serviceApiContract() registers a jest hook; the rest of this file runs anywhere.
import 'reflect-metadata';
import type { DynamicModule, ForwardReference, InjectionToken, Provider, Type } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA, SELF_DECLARED_DEPS_METADATA } from '@nestjs/common/constants';
import { HttpAdapterHost, ModuleRef, NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ACCESS_RULES, completeApiDocument, IdempotencyInterceptor, IS_PUBLIC } from '@opm/platform';

/** What a service's API contract is built from: its controllers, and the providers to stand in for (an empty object each). */
export interface ApiContractInput {
  controllers: readonly Type[];
  /**
   * Providers to stub besides the ones found on their own: every constructor dependency of the controllers and of
   * the guards, interceptors and pipes their decorators name. Nothing runs, so no database or broker is needed.
   */
  stubs?: readonly InjectionToken[];
}

export interface ApiContract {
  /** The service's OpenAPI document, completed as at start-up (`completeApiDocument`). */
  document: OpenAPIObject;
  /** One line per operation, sorted: `PUT /products/{code} (If-Match) -> 200 Product | 400 401 403 404 409 | bearer`. */
  operations: string[];
  /** Every rule an operation breaks, as `GET /path: what is missing`; empty when the document is complete. */
  violations: string[];
}

/** The controllers of a module and of everything it imports, as the service's root module registers them. */
export async function controllersOf(root: Type | DynamicModule | Promise<DynamicModule>): Promise<Type[]> {
  const seen = new Set<unknown>();
  const found = new Set<Type>();
  const visit = async (entry: Type | DynamicModule | Promise<DynamicModule> | ForwardReference | undefined): Promise<void> => {
    if (!entry) return;
    const resolved = await entry;
    const target = 'forwardRef' in resolved ? resolved.forwardRef() : resolved;
    if (seen.has(target)) return;
    seen.add(target);
    const dynamic = typeof target === 'function' ? undefined : (target as DynamicModule);
    const moduleClass: Type = dynamic ? dynamic.module : (target as Type);
    for (const c of [...(Reflect.getMetadata('controllers', moduleClass) ?? []), ...(dynamic?.controllers ?? [])]) found.add(c);
    for (const i of [...(Reflect.getMetadata('imports', moduleClass) ?? []), ...(dynamic?.imports ?? [])]) await visit(i);
  };
  await visit(root);
  return [...found];
}

/** Nest's own providers: every module has them already. */
const BUILT_IN = new Set<unknown>([Reflector, ModuleRef, HttpAdapterHost]);

function constructorDependencies(type: Type): InjectionToken[] {
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', type) ?? [];
  const declared: { index: number; param: InjectionToken }[] = Reflect.getMetadata(SELF_DECLARED_DEPS_METADATA, type) ?? [];
  const tokens = [...types] as InjectionToken[];
  for (const { index, param } of declared) tokens[index] = param;
  return tokens.filter((t) => t !== undefined);
}

/** The guards, interceptors and pipes a controller's decorators name as classes: Nest instantiates them too. */
function enhancersOf(controller: Type): Type[] {
  const methods = Object.getOwnPropertyNames(controller.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => controller.prototype[name] as object);
  return [controller, ...methods].flatMap((target) =>
    [GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA].flatMap((key) =>
      ((Reflect.getMetadata(key, target) ?? []) as unknown[]).filter((e): e is Type => typeof e === 'function'),
    ),
  );
}

/**
 * Builds a service's OpenAPI document without a database, a broker or a token (the metadata is all on the
 * controllers), completes it as the service does at start-up, and checks every operation against the house
 * rules (issue 12): a summary; a 2xx answer with a schema (or 204); errors as problem details; 401 and bearer
 * security unless public; 400 for what takes input; 403 where `@Allow` restricts; 409 and 422 where
 * `@Idempotent()` applies; 409 where If-Match is documented; an example for every request body; no dangling `$ref`.
 */
export async function buildApiContract({ controllers, stubs = [] }: ApiContractInput): Promise<ApiContract> {
  const classes = [...new Set(controllers)];
  const tokens = new Set<InjectionToken>(stubs);
  const enhancers = [...new Set(classes.flatMap(enhancersOf))];
  for (const type of [...classes, ...enhancers]) for (const token of constructorDependencies(type)) tokens.add(token);
  for (const enhancer of enhancers) tokens.delete(enhancer);
  for (const builtIn of BUILT_IN) tokens.delete(builtIn as InjectionToken);
  const providers: Provider[] = [...tokens].map((provide) => ({ provide, useValue: {} }));

  @Module({ controllers: classes, providers })
  class ApiContractModule {}

  const app = await NestFactory.create(ApiContractModule, new FastifyAdapter(), { logger: false, abortOnError: false });
  try {
    const document = completeApiDocument(SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build()));
    return { document, ...checkOperations(document, handlersById(classes)) };
  } finally {
    await app.close();
  }
}

interface Handler {
  controller: Type;
  method: (...args: unknown[]) => unknown;
}

/** Swagger names an operation `<Controller>_<method>`: the way back from an operation to its handler's metadata. */
function handlersById(controllers: readonly Type[]): Map<string, Handler> {
  const byId = new Map<string, Handler>();
  for (const controller of controllers) {
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      if (name !== 'constructor') byId.set(`${controller.name}_${name}`, { controller, method: controller.prototype[name] });
    }
  }
  return byId;
}

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const REF = '#/components/schemas/';

function refName(schema: unknown): string | undefined {
  const ref = (schema as Json | undefined)?.$ref;
  return typeof ref === 'string' && ref.startsWith(REF) ? ref.slice(REF.length) : undefined;
}

/** `Product`, `page of Product`, `Product[]` or `inline` for a success body's schema. */
function describeSchema(schema: Json): string {
  const named = refName(schema);
  if (named) return named;
  const properties = schema.properties as Json | undefined;
  const item = refName((properties?.items as Json | undefined)?.items);
  if (item && properties?.total) return `page of ${item}`;
  if (schema.type === 'array' && refName(schema.items)) return `${refName(schema.items)}[]`;
  return 'inline';
}

function allRefs(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => allRefs(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') into.add(v);
      else allRefs(v, into);
    }
  }
  return into;
}

function hasExample(document: OpenAPIObject, body: Json): boolean {
  const media = Object.values((body.content ?? {}) as Record<string, Json>);
  // A file upload (the PDF sent back for verification) has no example to show.
  if (media.some((m) => (m.schema as Json | undefined)?.format === 'binary')) return true;
  if (media.some((m) => m.example !== undefined || (m.examples && Object.keys(m.examples as Json).length > 0))) return true;
  // Otherwise every required field of the body's schema shows an example (`@ApiProperty({ example })`).
  return media.some((m) => {
    const name = refName(m.schema);
    const schema = (name ? document.components?.schemas?.[name] : m.schema) as Json | undefined;
    const properties = (schema?.properties ?? {}) as Record<string, Json>;
    const required = (schema?.required ?? []) as string[];
    return required.length > 0 && required.every((p) => properties[p]?.example !== undefined);
  });
}

function checkOperations(document: OpenAPIObject, handlers: Map<string, Handler>): { operations: string[]; violations: string[] } {
  const operations: string[] = [];
  const violations: string[] = [];
  const components = document.components?.schemas ?? {};
  for (const ref of allRefs(document.paths, new Set())) {
    if (!ref.startsWith(REF) || !(ref.slice(REF.length) in components)) violations.push(`${ref}: referenced, but no such component`);
  }
  // `name?: string | null` reflects as Object: without `type` the document would tell clients to send an object.
  for (const [name, schema] of Object.entries(components) as [string, Json][]) {
    for (const [property, value] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
      if (value.type === 'object' && !value.properties && !value.$ref && !value.additionalProperties && !value.allOf) {
        violations.push(`${name}.${property}: documented as an untyped object (give @ApiProperty a type, e.g. { type: String, nullable: true })`);
      }
    }
  }
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const id = `${method.toUpperCase()} ${path}`;
      const fail = (why: string) => violations.push(`${id}: ${why}`);
      const responses = (op.responses ?? {}) as Record<string, Json>;
      const statuses = Object.keys(responses).sort();
      const parameters = (op.parameters ?? []) as Json[];
      const headers = parameters.filter((p) => p.in === 'header').map((p) => String(p.name));
      const handler = handlers.get(String(op.operationId));
      const meta = <T>(key: string): T | undefined =>
        handler ? (Reflect.getMetadata(key, handler.method) ?? Reflect.getMetadata(key, handler.controller)) : undefined;
      if (!handler) fail(`no handler found for operationId ${String(op.operationId)}`);

      if (typeof op.summary !== 'string' || op.summary.trim() === '') fail('no summary');

      const successes = statuses.filter((s) => /^2\d\d$/.test(s));
      if (successes.length === 0) fail('no 2xx response');
      const described = successes.map((s) => {
        const content = (responses[s].content ?? {}) as Record<string, Json>;
        const media = Object.entries(content);
        if (media.length === 0) {
          if (s !== '204') fail(`${s} documents no body schema`);
          return `${s} no content`;
        }
        for (const [type, m] of media) if (!m.schema) fail(`${s} ${type} has no schema`);
        return `${s} ${media.map(([, m]) => (m.schema ? describeSchema(m.schema as Json) : '?')).join(', ')}`;
      });
      const errors = statuses.filter((s) => /^[45]\d\d$/.test(s));
      for (const s of errors) {
        const schema = ((responses[s].content ?? {}) as Record<string, Json>)['application/problem+json']?.schema;
        if (!schema) fail(`${s} is not documented as problem details (application/problem+json)`);
      }
      for (const s of statuses) if (!/^[1-5]\d\d$/.test(s)) fail(`response ${s} is not a status code`);

      const security = op.security as unknown[] | undefined;
      const isPublic = Array.isArray(security) && security.length === 0;
      if (meta<boolean>(IS_PUBLIC) && !isPublic) fail('is @Public() but the document asks for a token');
      if (!isPublic) {
        if (JSON.stringify(security) !== JSON.stringify([{ bearer: [] }])) fail('no bearer security');
        if (!statuses.includes('401')) fail('no 401');
      } else if (statuses.includes('401')) fail('is public but documents 401');

      const need = (status: string, why: string) => {
        if (!statuses.includes(status)) fail(`no ${status} (${why})`);
      };
      const constrainedPath = parameters.some((p) => p.in === 'path' && ((p.schema as Json | undefined)?.format || (p.schema as Json | undefined)?.pattern));
      if (op.requestBody) need('400', 'it takes a body');
      if (parameters.some((p) => p.in === 'query')) need('400', 'it takes a query');
      if (headers.length > 0) need('400', `it reads ${headers.join(', ')}`);
      if (constrainedPath) need('400', 'a path parameter has a format');
      if ((meta<unknown[]>(ACCESS_RULES) ?? []).length > 0) need('403', '@Allow restricts it');
      const interceptors: unknown[] = handler ? (Reflect.getMetadata(INTERCEPTORS_METADATA, handler.method) ?? []) : [];
      if (interceptors.includes(IdempotencyInterceptor)) {
        need('409', 'a repeat of an Idempotency-Key still being processed');
        need('422', 'an Idempotency-Key reused with another body');
        if (!headers.includes('Idempotency-Key')) fail('is @Idempotent() but does not document Idempotency-Key');
      }
      if (headers.includes('If-Match')) need('409', 'a stale If-Match');
      if (op.requestBody && !hasExample(document, op.requestBody as Json)) fail('no example request (@ApiProperty({ example }) on every required field, or @ApiBody({ examples }))');

      const headerNote = headers.length > 0 ? ` (${headers.join(', ')})` : '';
      operations.push(`${id}${headerNote} -> ${described.join(', ')} | ${errors.join(' ')} | ${isPublic ? 'public' : 'bearer'}`);
    }
  }
  return { operations: operations.sort(), violations };
}

/**
 * A test file's view of one service's contract, built once (in `beforeAll`) from the service's own module tree
 * without a database: `const contract = serviceApiContract(() => XAppModule.register(config))`, then `contract()`.
 */
export function serviceApiContract(root: () => Type | DynamicModule | Promise<DynamicModule>): () => ApiContract {
  let built: ApiContract | undefined;
  beforeAll(async () => {
    built = await buildApiContract({ controllers: await controllersOf(root()) });
  });
  return () => {
    if (!built) throw new Error('the API contract is built in beforeAll');
    return built;
  };
}

/** The departments a reviewing service's document lists for the shared opinion operation (the gateway routes by them, R3.7). */
export function opinionDepartments(contract: ApiContract): unknown[] | undefined {
  const parameters = (contract.document.paths['/orders/{id}/review/{department}/opinion']?.post?.parameters ?? []) as { name?: string; in?: string; schema?: { enum?: unknown[] } }[];
  return parameters.find((p) => p.name === 'department' && p.in === 'path')?.schema?.enum;
}
