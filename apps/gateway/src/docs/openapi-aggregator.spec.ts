import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { SERVICES } from '@opm/contracts';
import { fakeServices, rounds } from '../../test/support/fake-services';
import { OpenApiAggregator } from './openapi-aggregator';
import { DOCUMENT_TIMING, ServiceDocuments } from './service-documents';

const gatewayDocument: OpenAPIObject = { openapi: '3.0.0', info: { title: 'gateway', version: '1' }, paths: {} };

describe(OpenApiAggregator.name, () => {
  let documents: ServiceDocuments | undefined;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    documents?.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('N1 publishes what the routes are made of: every known document, asked again when older than a while, kept when a service is down', async () => {
    const services = fakeServices(SERVICES);
    documents = services.documents;
    const aggregator = new OpenApiAggregator(documents);
    expect(Object.keys((await aggregator.merged(gatewayDocument)).paths)).toContain('/api/v1/quality/standards');
    services.answering.delete('quality');
    await aggregator.merged(gatewayDocument);
    expect(rounds(services.asked)).toBe(1);
    jest.setSystemTime(Date.now() + DOCUMENT_TIMING.docsMaxAgeMs);
    const merged = await aggregator.merged(gatewayDocument);
    expect(rounds(services.asked)).toBe(2);
    expect(merged.paths['/api/v1/quality/standards']?.get?.tags).toEqual(['quality']);
  });
});
