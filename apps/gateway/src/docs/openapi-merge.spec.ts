import type { OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_API_VERSION } from './api-version';
import { gatewayDocument, OpenApiDocumentView } from './docs-operations';
import { mergeOpenApi } from './openapi-merge';

const doc = (paths: OpenAPIObject['paths'], schemas: Record<string, object> = {}): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths,
  components: { schemas },
});

describe(mergeOpenApi.name, () => {
  it('N1 publishes every service path under /api/v1 and keeps the gateway its own', () => {
    const merged = mergeOpenApi(doc({ '/api/v1/orders/{id}': { get: { summary: 'combined', responses: {} } } }), [
      {
        name: 'sales',
        doc: doc(
          {
            '/orders': { post: { responses: {} } },
            '/orders/{id}': { get: { summary: 'sales part', responses: {} } },
            '/health/live': { get: { responses: {} } },
          },
          { CreateOrderDto: { type: 'object' } },
        ),
      },
    ]);
    expect(Object.keys(merged.paths).sort()).toEqual(['/api/v1/orders', '/api/v1/orders/{id}']);
    expect(merged.paths['/api/v1/orders/{id}'].get?.summary).toBe('combined');
    expect(merged.paths['/api/v1/orders'].post?.tags).toEqual(['sales']);
    expect(merged.components?.schemas?.CreateOrderDto).toEqual({ type: 'object' });
  });

  it("keeps every operationId unique (services built from one kit declare the same ones) and every component, and the gateway's security schemes", () => {
    const kit = (service: string) => ({
      name: service,
      doc: doc({ [`/${service}/orders/{orderId}`]: { get: { operationId: 'DepartmentOrdersController_get', responses: {} } } }, { [`${service}Part`]: { type: 'object' } }),
    });
    const gateway = {
      ...doc({ '/api/v1/auth/token': { post: { operationId: 'TokenController_token', responses: {} } } }, { AccessToken: { type: 'object' } }),
      components: { schemas: { AccessToken: { type: 'object' } }, securitySchemes: { bearer: { type: 'http' as const, scheme: 'bearer' } } },
    };
    const merged = mergeOpenApi(gateway, [kit('production'), kit('quality')]);
    const ids = Object.values(merged.paths).flatMap((item) => Object.values(item).map((op) => (op as { operationId?: string }).operationId));
    expect(ids).toEqual(['TokenController_token', 'production_DepartmentOrdersController_get', 'quality_DepartmentOrdersController_get']);
    expect(Object.keys(merged.components?.schemas ?? {})).toEqual(['AccessToken', 'productionPart', 'qualityPart']);
    expect(merged.components?.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
  });
});

describe(gatewayDocument.name, () => {
  it('N1 documents the documentation as public operations, with its schema as a component, and sets the public API version', () => {
    const completed = gatewayDocument(doc({ '/api/v1/auth/token': { post: { responses: {} } } }, { AccessToken: { type: 'object' } }));
    expect(completed.info.version).toBe(PUBLIC_API_VERSION);
    expect(Object.keys(completed.paths)).toEqual(['/api/v1/auth/token', '/api/docs-json', '/api/docs']);
    expect(completed.paths['/api/docs-json'].get).toMatchObject({
      security: [],
      responses: { '200': { content: { 'application/json': { schema: { $ref: `#/components/schemas/${OpenApiDocumentView.name}` } } } } },
    });
    expect(completed.components?.schemas?.[OpenApiDocumentView.name]).toMatchObject({ type: 'object', required: ['openapi', 'info', 'paths'] });
    expect(completed.components?.schemas?.AccessToken).toEqual({ type: 'object' });
  });
});

describe('an operation several services declare for their own values of a path parameter', () => {
  it('R3.7 the public review opinion accepts every reviewing department', () => {
    const opinion = (departments: string[]) => ({
      openapi: '3.0.0',
      info: { title: 's', version: '1' },
      paths: {
        '/orders/{id}/review/{department}/opinion': {
          post: { operationId: 'opinion', parameters: [{ name: 'department', in: 'path', required: true, schema: { type: 'string', enum: departments } }], responses: {} },
        },
      },
    });
    const merged = mergeOpenApi({ openapi: '3.0.0', info: { title: 'g', version: '1' }, paths: {} } as never, [
      { name: 'production', doc: opinion(['TECHNICAL', 'PRODUCTION']) as never },
      { name: 'quality', doc: opinion(['QUALITY']) as never },
      { name: 'finance', doc: opinion(['FINANCE']) as never },
    ]);
    const op = merged.paths['/api/v1/orders/{id}/review/{department}/opinion'].post as { parameters: { schema: { enum: string[] } }[] };
    expect(op.parameters[0].schema.enum).toEqual(['TECHNICAL', 'PRODUCTION', 'QUALITY', 'FINANCE']);
  });
});
