import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const OBSERVABILITY_CONFIG = Symbol('OBSERVABILITY_CONFIG');

/** Seconds; from a fast read to the gateway's upstream timeout. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const HANDLER_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The app's Prometheus registry (issue 11, item 4): one per app (one per process, except in the zero-setup mode
 * where each hosted app keeps its own), every series labelled with `service`, every name prefixed `opm_`,
 * Node's default process metrics included. What a mechanism measures is declared here, so names stay in one place.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly handlerDuration: Histogram<'topic' | 'consumer' | 'outcome'>;
  readonly collectErrors: Counter<'collector'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'opm_' });
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'opm_http_request_duration_seconds',
      help: 'HTTP requests answered, by method, route template (unmatched when no route matched) and status',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers,
    });
    this.handlerDuration = new Histogram({
      name: 'opm_consumer_handler_duration_seconds',
      help: 'Deliveries of a message to a consumer, by topic and outcome: applied, duplicate (inbox skip), retried (delivered again later), dead-lettered',
      labelNames: ['topic', 'consumer', 'outcome'],
      buckets: HANDLER_BUCKETS,
      registers,
    });
    this.collectErrors = new Counter({
      name: 'opm_metrics_collect_errors_total',
      help: 'Scrapes at which a collector could not read its source (database or broker away); its gauges are then NaN or absent',
      labelNames: ['collector'],
      registers,
    });
  }

  /** A gauge read at scrape time by `read`; a read that fails leaves it NaN (no labels) or without samples, and counts the error. */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: (gauge: Gauge<L>) => Promise<void>,
    collector: string,
  ): Gauge<L> {
    const errors = this.collectErrors;
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        try {
          this.reset();
          await read(this);
        } catch {
          this.reset();
          // A gauge without labels would read 0 ("nothing unsent") after a reset: NaN says "not known".
          if (labelNames.length === 0) (this as Gauge<string>).set(Number.NaN);
          errors.inc({ collector });
        }
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
