import { context, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { extractTraceContext, traceFields, traceHeaders, traceIdOf } from './trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${PARENT}-01`;

describe('W3C trace context', () => {
  const tracer = new BasicTracerProvider().getTracer('test');
  beforeAll(() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));
  afterAll(() => context.disable());

  it('N6 issue11.4 a valid traceparent names the remote parent, in any header case and as Node or kafkajs hold it', () => {
    for (const carrier of [{ traceparent: TRACEPARENT }, { Traceparent: TRACEPARENT }, { traceparent: Buffer.from(TRACEPARENT) }, { traceparent: [TRACEPARENT, 'x'] }]) {
      const parent = trace.getSpanContext(extractTraceContext(carrier));
      expect(parent).toMatchObject({ traceId: TRACE_ID, spanId: PARENT, isRemote: true, traceFlags: 1 });
    }
    expect(traceIdOf(TRACEPARENT)).toBe(TRACE_ID);
  });

  it('N6 issue11.4 a missing or malformed traceparent names no parent (the span starts a trace of its own)', () => {
    const malformed = [
      undefined,
      '',
      'garbage',
      `ff-${TRACE_ID}-${PARENT}-01`, // version ff is forbidden
      `00-${'0'.repeat(32)}-${PARENT}-01`, // all-zero trace id
      `00-${TRACE_ID}-${'0'.repeat(16)}-01`, // all-zero parent id
      `00-${TRACE_ID.slice(1)}-${PARENT}-01`, // short trace id
      `00-${TRACE_ID}-${PARENT}-01-extra`, // version 00 has exactly four fields
    ];
    for (const traceparent of malformed) {
      expect({ traceparent, parent: trace.getSpanContext(extractTraceContext(traceparent === undefined ? {} : { traceparent })) }).toEqual({ traceparent, parent: undefined });
      expect(traceIdOf(traceparent)).toBeUndefined();
    }
    const span = tracer.startSpan('s', {}, extractTraceContext({ traceparent: 'garbage' }));
    expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.spanContext().traceId).not.toBe('0'.repeat(32));
  });

  it('N6 issue11.4 what goes on carries the same trace with the child span as parent; tracestate goes along', () => {
    const parent = extractTraceContext({ traceparent: TRACEPARENT, tracestate: 'vendor=a1' });
    const child = tracer.startSpan('server', { kind: SpanKind.SERVER }, parent);
    const headers = context.with(trace.setSpan(parent, child), () => traceHeaders());
    expect(headers.traceparent).toBe(`00-${TRACE_ID}-${child.spanContext().spanId}-01`);
    expect(child.spanContext().spanId).not.toBe(PARENT);
    expect(headers.tracestate).toBe('vendor=a1');
    // The next hop reads what this one wrote: the chain gateway -> service -> outbox -> consumer keeps one trace id.
    const next = tracer.startSpan('consumer', {}, extractTraceContext(headers));
    expect(next.spanContext().traceId).toBe(TRACE_ID);
    expect(traceFields(next)).toEqual({ traceId: TRACE_ID, spanId: next.spanContext().spanId });
  });

  it('N6 issue11.4 outside any span nothing is carried, and an invalid span gives no log fields', () => {
    expect(context.with(ROOT_CONTEXT, () => traceHeaders())).toEqual({});
    expect(traceFields(undefined)).toEqual({});
    expect(traceFields(trace.wrapSpanContext({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 }))).toEqual({});
  });
});
