import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { apiView } from '@opm/platform';
import { PUBLIC_API_VERSION } from './api-version';

/** What `GET /api/docs-json` answers: this document (OpenAPI 3.0). */
export const OpenApiDocumentView = apiView(
  'OpenApiDocument',
  z
    .object({
      openapi: z.string().regex(/^3\.0\.\d+$/),
      info: z.object({ title: z.string(), version: z.string() }).catchall(z.unknown()),
      paths: z.record(z.string(), z.unknown()),
    })
    .catchall(z.unknown()),
);

/**
 * The gateway's own part of the public document, completed with what no controller declares: the version of the
 * public API and the documentation itself (Swagger serves `/api/docs` and `/api/docs-json`, not a controller).
 */
export function gatewayDocument(doc: OpenAPIObject, docsPath = '/api/docs'): OpenAPIObject {
  const docs = { tags: ['docs'], security: [] };
  return {
    ...doc,
    info: { ...doc.info, version: PUBLIC_API_VERSION },
    paths: {
      ...doc.paths,
      [`${docsPath}-json`]: {
        get: {
          ...docs,
          operationId: 'ApiDocs_json',
          summary: 'This document: the gateway and every service, OpenAPI 3.0 (N1)',
          responses: {
            '200': { description: 'the document', content: { 'application/json': { schema: { $ref: `#/components/schemas/${OpenApiDocumentView.name}` } } } },
          },
        },
      },
      [docsPath]: {
        get: {
          ...docs,
          operationId: 'ApiDocs_ui',
          summary: 'The document to read and try out in a browser (Swagger UI)',
          responses: { '200': { description: 'the page', content: { 'text/html': { schema: { type: 'string' } } } } },
        },
      },
    },
    components: {
      ...doc.components,
      schemas: {
        ...doc.components?.schemas,
        [OpenApiDocumentView.name]: z.toJSONSchema(OpenApiDocumentView.schema, { target: 'openapi-3.0', unrepresentable: 'any' }) as never,
      },
    },
  };
}
