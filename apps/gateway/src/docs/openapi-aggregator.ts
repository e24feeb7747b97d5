import { Injectable, Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { SERVICES } from '@opm/contracts';
import { UpstreamClient } from '../upstream/upstream.client';
import { mergeOpenApi } from './openapi-merge';

const CACHE_MS = 30_000;

interface ServiceDoc {
  name: string;
  doc: OpenAPIObject;
}

/** Fetches the services' live OpenAPI documents (cached briefly); a service that is down is left out, not fatal. */
@Injectable()
export class OpenApiAggregator {
  private readonly logger = new Logger(OpenApiAggregator.name);
  private cached?: { at: number; docs: ServiceDoc[] };

  constructor(private readonly upstream: UpstreamClient) {}

  async merged(gateway: OpenAPIObject): Promise<OpenAPIObject> {
    let cached = this.cached;
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      const docs = await Promise.all(
        SERVICES.map(async (name): Promise<ServiceDoc | undefined> => {
          try {
            const res = await this.upstream.getJson<OpenAPIObject>(name, '/docs-json', {}, 3000);
            return res.status === 200 ? { name, doc: res.body } : undefined;
          } catch (err) {
            this.logger.warn(`OpenAPI of ${name} unavailable: ${(err as Error).message}`);
            return undefined;
          }
        }),
      );
      const available = docs.filter((d): d is ServiceDoc => d !== undefined);
      // Only a complete set is cached: a service that was down is asked again next time.
      cached = this.cached = { at: available.length === SERVICES.length ? Date.now() : 0, docs: available };
    }
    return mergeOpenApi(gateway, cached.docs);
  }
}
