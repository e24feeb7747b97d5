import type { OpenAPIObject } from '@nestjs/swagger';
import type { ServiceName } from '@opm/contracts';

type Declared = Partial<Record<ServiceName, Record<string, string[]>>>;

/**
 * What the services declare in their OpenAPI documents (paths and methods as `GET /docs-json` of each service
 * answers them), the input of the gateway's route table tests. Keep it realistic; it need not be complete.
 */
export const DECLARED_OPERATIONS = {
  sales: {
    '/audit/orders/{orderId}': ['get'],
    '/audit/verify': ['get'],
    '/orders': ['post', 'get'],
    '/orders/{id}': ['get', 'patch'],
    '/orders/{id}/escalation/decision': ['post'],
    '/orders/{id}/review': ['get'],
    '/orders/{id}/review/panel/conclusion': ['post'],
    '/orders/{id}/revise': ['post'],
    '/customers': ['post', 'get'],
    '/customers/{id}': ['get'],
    '/leads': ['post', 'get'],
    '/leads/{id}/convert': ['post'],
    '/orders/{id}/approvals': ['get'],
    '/orders/{id}/approvals/{step}/decision': ['post'],
    '/approvals/delegations': ['post', 'get'],
    '/orders/{id}/issue': ['post'],
    '/orders/{id}/issuance': ['get'],
    '/orders/{id}/document.pdf': ['get'],
    '/orders/{id}/document/verify': ['post'],
    '/orders/{id}/document/verify-pdf': ['post'],
    '/orders/{id}/customer-confirmation': ['post'],
    '/orders/{id}/customer-confirmations': ['get'],
  },
  production: {
    '/audit/orders/{orderId}': ['get'],
    '/audit/verify': ['get'],
    '/production/orders/{orderId}': ['get'],
    '/work-centres': ['get'],
    '/work-centres/{code}': ['get'],
    '/products': ['get', 'post'],
    '/products/{code}': ['get', 'put'],
    '/orders/{id}/review/{department}/opinion': ['post'],
    '/production/review-tasks': ['get'],
  },
  purchasing: {
    '/audit/orders/{orderId}': ['get'],
    '/audit/verify': ['get'],
    '/purchasing/orders/{orderId}': ['get'],
    '/suppliers': ['get'],
    '/suppliers/{code}': ['get'],
    '/purchasing/boms': ['get'],
    '/purchasing/boms/{bomRef}': ['get'],
    '/purchasing/stock': ['get'],
    '/orders/{id}/review/{department}/opinion': ['post'],
    '/purchasing/review-tasks': ['get'],
  },
  quality: {
    '/audit/orders/{orderId}': ['get'],
    '/audit/verify': ['get'],
    '/quality/orders/{orderId}': ['get'],
    '/quality/standards': ['get'],
    '/orders/{id}/review/{department}/opinion': ['post'],
    '/quality/review-tasks': ['get'],
  },
  finance: {
    '/audit/orders/{orderId}': ['get'],
    '/audit/verify': ['get'],
    '/finance/orders/{orderId}': ['get'],
    '/customers/{id}/credit': ['get', 'put'],
    '/orders/{id}/review/{department}/opinion': ['post'],
    '/finance/review-tasks': ['get'],
  },
  logistics: {
    '/audit/orders/{orderId}': ['get'],
    '/audit/verify': ['get'],
    '/logistics/orders/{orderId}': ['get'],
  },
} satisfies Declared;

/** One service's document as Nest's Swagger module writes it: each path parameter declared, as a string unless `enums` lists values. */
export function openApiDocument(paths: Record<string, string[]>, enums: Record<string, string[]> = {}): OpenAPIObject {
  const item = (path: string, methods: string[]) => {
    const parameters = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
      name,
      required: true,
      in: 'path' as const,
      schema: enums[name] ? { type: 'string' as const, enum: enums[name] } : { type: 'string' as const },
    }));
    return Object.fromEntries(methods.map((m) => [m, { operationId: `${m} ${path}`, parameters, responses: { 200: { description: '' } } }]));
  };
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: Object.fromEntries(Object.entries(paths).map(([p, m]) => [p, item(p, m)])) };
}

/** The departments each reviewing service lists for the shared opinion operation (ReviewTasksModule's `departments`). */
export const REVIEW_DEPARTMENTS_OF: Partial<Record<ServiceName, string[]>> = {
  production: ['TECHNICAL', 'PRODUCTION'],
  quality: ['QUALITY'],
  purchasing: ['PURCHASING'],
  finance: ['FINANCE'],
};

/** The documents of the given services (all by default), as the gateway holds them. */
export function declaredDocuments(declared: Declared = DECLARED_OPERATIONS): Map<ServiceName, OpenAPIObject> {
  return new Map(
    Object.entries(declared).map(([service, paths]) => {
      const departments = REVIEW_DEPARTMENTS_OF[service as ServiceName];
      return [service as ServiceName, openApiDocument(paths, departments ? { department: departments } : {})];
    }),
  );
}
