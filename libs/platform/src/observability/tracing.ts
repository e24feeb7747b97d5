import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Attributes, context, Context, Span, SpanKind, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { IncomingMessage } from 'node:http';
import { OBSERVABILITY_CONFIG } from './metrics';
import { ObservabilityConfig, otlpTracesUrl } from './observability-config';
import { extractTraceContext, HeaderCarrier } from './trace-context';

/** Context follows awaits through AsyncLocalStorage; registered once per process (several apps may share one). */
let contextManager: AsyncLocalStorageContextManager | undefined;
function ensureContextManager(): void {
  if (contextManager) return;
  contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
}

/**
 * The server span of each request, so the log lines and the metrics hook find it without the container. It stays
 * readable after it ended (the request's last log line may be written after the metrics hook closed it).
 */
const serverSpans = new WeakMap<IncomingMessage, Span>();
const endedRequests = new WeakSet<IncomingMessage>();

export function serverSpanOf(req: IncomingMessage): Span | undefined {
  return serverSpans.get(req);
}

/** Closes a request's server span with the route template it matched and its status (the HTTP metrics hook calls it). */
export function endServerSpan(req: IncomingMessage, route: string, status: number): void {
  const span = serverSpans.get(req);
  if (!span || endedRequests.has(req)) return;
  endedRequests.add(req);
  span.updateName(`${req.method} ${route}`);
  span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/**
 * The app's spans (issue 11, item 4): one tracer provider per app, named after its service. Spans are always
 * made, so the trace context a request or event brings is continued, logged and passed on; they leave the
 * process only when an OTLP endpoint is configured (`OTEL_EXPORTER_OTLP_ENDPOINT`), through a batching exporter.
 */
@Injectable()
export class Tracing implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(Tracing.name);
  private provider?: BasicTracerProvider;
  private tracerOf?: Tracer;

  constructor(@Inject(OBSERVABILITY_CONFIG) private readonly config: ObservabilityConfig) {}

  async onModuleInit(): Promise<void> {
    ensureContextManager();
    const url = otlpTracesUrl(this.config);
    const spanProcessors: SpanProcessor[] = [];
    if (url) {
      // Loaded only when used: a process that exports nothing does not carry the exporter.
      const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
      spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
      this.logger.log(`exporting traces to ${url}`);
    }
    this.provider = new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': this.config.SERVICE_NAME }), spanProcessors });
    this.tracerOf = this.provider.getTracer('opm');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.provider?.shutdown().catch((err: Error) => this.logger.warn(`trace export at shutdown failed: ${err.message}`));
  }

  get tracer(): Tracer {
    return this.tracerOf ?? trace.getTracer('opm');
  }

  /** The request's server span, continuing the caller's `traceparent` (a missing or malformed one starts a trace). */
  startServerSpan(req: IncomingMessage): Span {
    const existing = serverSpans.get(req);
    if (existing) return existing;
    const span = this.tracer.startSpan(
      `${req.method ?? 'HTTP'}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? '' } },
      extractTraceContext(req.headers),
    );
    serverSpans.set(req, span);
    return span;
  }

  /** A consumer's span for one message, child of the producer's span named in the message's headers. */
  startConsumerSpan(name: string, headers: HeaderCarrier | undefined, attributes: Attributes): { span: Span; context: Context } {
    const parent = extractTraceContext(headers);
    const span = this.tracer.startSpan(name, { kind: SpanKind.CONSUMER, attributes }, parent);
    return { span, context: trace.setSpan(parent, span) };
  }
}
