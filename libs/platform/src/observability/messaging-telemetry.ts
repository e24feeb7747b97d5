import { Injectable } from '@nestjs/common';
import { context, SpanStatusCode } from '@opentelemetry/api';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventContext } from '../messaging/event-transport';
import { runWithLogFields } from './logger';
import { Metrics } from './metrics';
import { traceFields, traceHeaders } from './trace-context';
import { Tracing } from './tracing';

/** What became of one delivery of a message to a consumer. */
export type HandlingOutcome = 'applied' | 'duplicate' | 'retried' | 'dead-lettered';

const current = new AsyncLocalStorage<{ outcome?: HandlingOutcome }>();

/**
 * The messaging mechanisms' calls into metrics and traces (issue 11, item 4), kept to a few call sites so the
 * consumer loop can change around them: the inbox wraps a delivery in `handle` and says where it decided
 * (`mark`); the outbox stores `outgoingHeaders()` with each event, and the relay sends them as Kafka headers.
 */
@Injectable()
export class MessagingTelemetry {
  constructor(
    private readonly metrics: Metrics,
    private readonly tracing: Tracing,
  ) {}

  /**
   * One delivery of a message to `consumer`: a consumer span continuing the producer's trace (from the message's
   * `traceparent` header) is active while `deliver` runs, its log lines carry the trace id, and its time goes into
   * `opm_consumer_handler_duration_seconds` with the outcome: `applied` unless marked otherwise, `retried` when it
   * throws (the message is delivered again).
   */
  async handle<T>(consumer: string, ctx: EventContext, deliver: () => Promise<T>): Promise<T> {
    const topic = ctx.getTopic();
    const message = ctx.getMessage();
    const { span, context: spanContext } = this.tracing.startConsumerSpan(`${topic} process`, message.headers, {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': topic,
      'messaging.destination.partition.id': String(ctx.getPartition()),
      'messaging.kafka.offset': Number(message.offset),
      'messaging.consumer.group.name': consumer,
    });
    const stop = this.metrics.handlerDuration.startTimer({ topic, consumer });
    const record: { outcome?: HandlingOutcome } = {};
    let outcome: HandlingOutcome = 'retried';
    try {
      const result = await context.with(spanContext, () => current.run(record, () => runWithLogFields(traceFields(span), deliver)));
      outcome = record.outcome ?? 'applied';
      return result;
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
      throw err;
    } finally {
      stop({ outcome });
      span.setAttribute('opm.consumer.outcome', outcome);
      span.end();
    }
  }

  /** Says what the inbox decided for the message in hand: skipped as already applied, or dead-lettered. */
  mark(outcome: 'duplicate' | 'dead-lettered'): void {
    const record = current.getStore();
    if (record) record.outcome = outcome;
  }

  /** Trace headers an event written now carries (the outbox keeps them with the row; the relay sends them). */
  outgoingHeaders(): Record<string, string> {
    return traceHeaders();
  }
}
