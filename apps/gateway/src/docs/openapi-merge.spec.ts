import type { OpenAPIObject } from '@nestjs/swagger';
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
});
