import { context, Context, isSpanContextValid, ROOT_CONTEXT, Span, SpanContext, trace, TextMapGetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * W3C Trace Context (`traceparent`, `tracestate`) carried from the gateway through the services over HTTP and
 * through Kafka in message headers (issue 11, item 4). The propagator is OpenTelemetry's; these helpers adapt it
 * to the carriers the platform has: Node's request headers, an outbox row's headers, a consumed message's headers.
 */
const propagator = new W3CTraceContextPropagator();

export const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

/** Header values as Node (string or string[]), kafkajs (Buffer, or an array of them) or the outbox (string) hold them. */
export type HeaderValue = string | Buffer | readonly (string | Buffer)[] | undefined | null;
export type HeaderCarrier = Readonly<Record<string, HeaderValue>>;

const text = (value: HeaderValue): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  if (first == null) return undefined;
  return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
};

const getter: TextMapGetter<HeaderCarrier> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const lower = key.toLowerCase();
    const found = Object.keys(carrier).find((k) => k.toLowerCase() === lower);
    return found === undefined ? undefined : text(carrier[found]);
  },
};

/** The remote parent named by a carrier's `traceparent`, under `base`; a missing or malformed one gives `base` as it is. */
export function extractTraceContext(carrier: HeaderCarrier | undefined, base: Context = ROOT_CONTEXT): Context {
  return carrier ? propagator.extract(base, carrier, getter) : base;
}

/** `traceparent` (and `tracestate` if any) of the span active in `ctx`: what an outgoing request or event carries. */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const headers: Record<string, string> = {};
  propagator.inject(ctx, headers, { set: (carrier, key, value) => (carrier[key] = value) });
  return headers;
}

/** What log lines carry of a span: its trace and span ids (none for an invalid span). */
export function traceFields(span: Span | SpanContext | undefined): { traceId?: string; spanId?: string } {
  const sc = span && 'spanContext' in span ? span.spanContext() : span;
  return sc && isSpanContextValid(sc) ? { traceId: sc.traceId, spanId: sc.spanId } : {};
}

/** The trace id a `traceparent` header names, or undefined when it is not a valid one. */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  if (!traceparent) return undefined;
  return trace.getSpanContext(extractTraceContext({ traceparent }))?.traceId;
}
