import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { gatewayDocument } from './docs-operations';
import { mergeOpenApi } from './openapi-merge';
import { DOCUMENT_TIMING, ServiceDocuments } from './service-documents';

/** The public API document: the gateway's own paths plus what every service declares (the same documents the routes come from). */
@Injectable()
export class OpenApiAggregator {
  constructor(private readonly documents: ServiceDocuments) {}

  async merged(gateway: OpenAPIObject): Promise<OpenAPIObject> {
    await this.documents.current();
    await this.documents.refreshIfOlderThan(DOCUMENT_TIMING.docsMaxAgeMs);
    const { documents } = this.documents.snapshot();
    return mergeOpenApi(gatewayDocument(gateway), [...documents].map(([name, doc]) => ({ name, doc })));
  }
}
