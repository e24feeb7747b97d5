import { trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { EventContext } from '../messaging/event-transport';
import { MessagingTelemetry } from './messaging-telemetry';
import { Metrics } from './metrics';
import { Tracing } from './tracing';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PRODUCER_SPAN = 'b7ad6b7169203331';

/** A consumed message as kafkajs hands it over: headers are Buffers. */
function delivery(topic: string, headers: Record<string, Buffer> = { traceparent: Buffer.from(`00-${TRACE_ID}-${PRODUCER_SPAN}-01`) }): EventContext {
  return { getTopic: () => topic, getPartition: () => 1, getMessage: () => ({ offset: '7', key: 'k', value: '{}', headers }) };
}

/** The value of the sample of `name` whose labels include all of `labels` (label order is the registry's). */
function sampleValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.split(' ').pop()?.replace(/^Nan$/, 'NaN'));
}

const count = async (metrics: Metrics, outcome: string): Promise<number> => {
  const text = await metrics.registry.getSingleMetricAsString('opm_consumer_handler_duration_seconds');
  const line = text.split('\n').find((l) => l.startsWith('opm_consumer_handler_duration_seconds_count') && l.includes(`outcome="${outcome}"`));
  return line ? Number(line.split(' ').pop()) : 0;
};

describe('MessagingTelemetry (the consumer loop\'s and the outbox\'s calls into metrics and traces)', () => {
  let metrics: Metrics;
  let tracing: Tracing;
  let telemetry: MessagingTelemetry;

  beforeEach(async () => {
    metrics = new Metrics('finance');
    tracing = new Tracing({ SERVICE_NAME: 'finance' });
    await tracing.onModuleInit();
    telemetry = new MessagingTelemetry(metrics, tracing);
  });
  afterEach(() => tracing.onApplicationShutdown());

  it('N6 issue11.4 a consumer span continues the producer\'s trace, and what the handler publishes carries it on', async () => {
    let seen: { span?: ReadableSpan; outgoing?: Record<string, string> } = {};
    await telemetry.handle('finance', delivery('sales.order.received.v1'), async () => {
      seen = { span: trace.getActiveSpan() as unknown as ReadableSpan, outgoing: telemetry.outgoingHeaders() };
    });
    expect(seen.span?.spanContext().traceId).toBe(TRACE_ID);
    expect(seen.span?.parentSpanContext?.spanId).toBe(PRODUCER_SPAN);
    expect(seen.span?.name).toBe('sales.order.received.v1 process');
    expect(seen.outgoing?.traceparent).toBe(`00-${TRACE_ID}-${seen.span?.spanContext().spanId}-01`);
    expect(seen.span?.ended).toBe(true);
  });

  it('N6 issue11.4 a message without trace headers starts a trace of its own', async () => {
    let traceId: string | undefined;
    await telemetry.handle('finance', delivery('t', {}), async () => {
      traceId = trace.getActiveSpan()?.spanContext().traceId;
    });
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceId).not.toBe(TRACE_ID);
  });

  it('N6 issue11.4 handler time is counted per topic by outcome: applied, duplicate, dead-lettered, retried', async () => {
    await telemetry.handle('finance', delivery('t'), async () => undefined);
    await telemetry.handle('finance', delivery('t'), async () => telemetry.mark('duplicate'));
    await telemetry.handle('finance', delivery('t'), async () => telemetry.mark('dead-lettered'));
    await expect(telemetry.handle('finance', delivery('t'), async () => Promise.reject(new Error('deadlock detected')))).rejects.toThrow('deadlock');
    // Marked dead-lettered, but the dead-letter send failed: the message comes again, so it was retried.
    await expect(
      telemetry.handle('finance', delivery('t'), async () => {
        telemetry.mark('dead-lettered');
        throw new Error('broker away');
      }),
    ).rejects.toThrow('broker away');
    expect({
      applied: await count(metrics, 'applied'),
      duplicate: await count(metrics, 'duplicate'),
      deadLettered: await count(metrics, 'dead-lettered'),
      retried: await count(metrics, 'retried'),
    }).toEqual({ applied: 1, duplicate: 1, deadLettered: 1, retried: 2 });
    expect(sampleValue(await metrics.text(), 'opm_consumer_handler_duration_seconds_count', { topic: 't', consumer: 'finance', outcome: 'applied', service: 'finance' })).toBe(1);
  });

  it('N6 issue11.4 outside a delivery, mark changes nothing and an event written outside any span carries no trace', async () => {
    telemetry.mark('duplicate');
    expect(telemetry.outgoingHeaders()).toEqual({});
    await telemetry.handle('finance', delivery('t'), async () => undefined);
    expect(await count(metrics, 'applied')).toBe(1);
    expect(await count(metrics, 'duplicate')).toBe(0);
  });
});
