import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { SERVICES, ServiceName } from '@opm/contracts';
import { UpstreamClient, UpstreamUnavailable } from '../upstream/upstream.client';

/** How the documents are kept fresh. */
export const DOCUMENT_TIMING = {
  /** One fetch of a service's document. */
  fetchTimeoutMs: 3000,
  /** While some service's document is unknown: retried after this, doubling per round... */
  retryMinMs: 1000,
  /** ...up to this. */
  retryMaxMs: 30_000,
  /** Once every document is known: read again this often (a redeployed service may declare more or less)... */
  refreshMs: 300_000,
  /** ...and sooner when a route nobody declares is asked for, at most this often... */
  missRefreshMs: 5000,
  /** ...or the public API document is, when they are older than this. */
  docsMaxAgeMs: 30_000,
};

/** The documents known at one moment; `version` changes whenever one of them does. */
export interface DocumentSet {
  version: number;
  documents: ReadonlyMap<ServiceName, OpenAPIObject>;
  /** Services whose document has never been fetched: what they declare is unknown. */
  unknown: ServiceName[];
}

/**
 * The services' live OpenAPI documents, the one source of what each service declares: the public API
 * document and the gateway's routes are both made from them. Fetched at start-up and then periodically;
 * a service that does not answer keeps its last document (its routes are not forgotten), and one never
 * fetched is asked again with a bounded backoff. Route misses and views of the API document ask again sooner.
 */
@Injectable()
export class ServiceDocuments implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ServiceDocuments.name);
  private readonly known = new Map<ServiceName, { doc: OpenAPIObject; json: string }>();
  private readonly failing = new Set<ServiceName>();
  private version = 0;
  private first?: Promise<void>;
  private round?: Promise<void>;
  private lastRoundAt = Number.NEGATIVE_INFINITY;
  private retries = 0;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly upstream: UpstreamClient) {}

  onApplicationBootstrap(): void {
    this.first ??= this.refresh();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** The documents, once the first round has been tried. */
  async current(): Promise<DocumentSet> {
    await (this.first ??= this.refresh());
    return this.snapshot();
  }

  snapshot(): DocumentSet {
    return {
      version: this.version,
      // In the platform's service order, whichever answered first.
      documents: new Map(
        SERVICES.flatMap((service) => {
          const known = this.known.get(service);
          return known ? [[service, known.doc] as const] : [];
        }),
      ),
      unknown: SERVICES.filter((s) => !this.known.has(s)),
    };
  }

  /** Joins the round under way, or starts one if the last began at least `ageMs` ago. */
  async refreshIfOlderThan(ageMs: number): Promise<void> {
    if (this.round) return this.round;
    if (Date.now() - this.lastRoundAt >= ageMs) return this.refresh();
  }

  /** Asks every service for its document (one round at a time). */
  refresh(): Promise<void> {
    this.round ??= this.fetchAll().finally(() => {
      this.round = undefined;
      this.schedule();
    });
    return this.round;
  }

  private async fetchAll(): Promise<void> {
    this.lastRoundAt = Date.now();
    await Promise.all(SERVICES.map((service) => this.fetch(service)));
  }

  private async fetch(service: ServiceName): Promise<void> {
    try {
      const res = await this.upstream.getJson<OpenAPIObject>(service, '/docs-json', {}, DOCUMENT_TIMING.fetchTimeoutMs);
      if (res.status !== 200 || typeof res.body?.paths !== 'object') throw new Error(`answered ${res.status}`);
      const json = JSON.stringify(res.body);
      const before = this.known.get(service);
      const recovered = this.failing.delete(service);
      if (before?.json === json) {
        if (recovered) this.logger.log(`OpenAPI of ${service} available again, unchanged`);
        return;
      }
      this.known.set(service, { doc: res.body, json });
      this.version += 1;
      this.logger.log(`OpenAPI of ${service} ${before ? 'changed' : 'fetched'}: routing what it declares`);
    } catch (err) {
      if (this.failing.has(service)) return;
      this.failing.add(service);
      const consequence = this.known.has(service) ? 'keeping its last known routes' : 'its routes are unknown until it answers';
      const reason = err instanceof UpstreamUnavailable ? err.reason : (err as Error).message;
      this.logger.warn(`OpenAPI of ${service} unavailable (${reason}); ${consequence}`);
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const complete = this.known.size === SERVICES.length;
    this.retries = complete ? 0 : this.retries + 1;
    const delay = complete ? DOCUMENT_TIMING.refreshMs : Math.min(DOCUMENT_TIMING.retryMaxMs, DOCUMENT_TIMING.retryMinMs * 2 ** (this.retries - 1));
    this.timer = setTimeout(() => void this.refresh(), delay);
    this.timer.unref();
  }
}
