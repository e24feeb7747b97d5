import { z } from 'zod';
import { ServiceName } from './enums';
import { Envelope, EnvelopeSchema } from './envelope';

/**
 * What an event is, besides its schema: the one place for its description and for who publishes and consumes
 * it. The AsyncAPI document (asyncapi.ts) is made from it, and tools/contracts/event-flow.spec.ts fails when the
 * services' `outbox.publish` calls and `@EventPattern` handlers say otherwise.
 */
export interface EventMetadata<K extends string = string> {
  /** What happened, and what the consumers do with it (requirements in brackets). */
  readonly description: string;
  /**
   * The payload field whose value is the message key: `orderId` for an order's events (they stay in order per
   * order, and the envelope's `orderId` is set), or a master-data entity's id (customer id, product code; the
   * envelope's `orderId` is null).
   */
  readonly key: K;
  /** The services whose `outbox.publish` sends it. */
  readonly publishers: readonly ServiceName[];
  /** The services with an `@EventPattern` handler for it (one consumer group each). */
  readonly consumers: readonly ServiceName[];
}

/** One event type at one version: its topic, and the schema its payload is validated against on consume. */
export interface EventDefinition<P> extends EventMetadata {
  readonly type: string;
  readonly version: number;
  /** `<owner>.<entity>.<fact>.v<N>`; the message key is the payload's `key` field. */
  readonly topic: string;
  readonly payload: z.ZodType<P, unknown>;
}

export function defineEvent<S extends z.ZodType>(
  type: string,
  version: number,
  payload: S,
  metadata: EventMetadata<keyof z.input<S> & keyof z.output<S> & string>,
): EventDefinition<z.infer<S>> {
  return { type, version, topic: `${type}.v${version}`, payload: payload as z.ZodType<z.infer<S>, unknown>, ...metadata };
}

export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;

/** Whether the event is about an order: keyed by the order id, which the envelope carries too. */
export const keyedByOrder = (definition: EventMetadata): boolean => definition.key === 'orderId';

/** The name each definition is exported under: `sales.order.details-changed` v1 -> `SalesOrderDetailsChangedV1`. */
export function eventName(definition: { type: string; version: number }): string {
  const words = definition.type.split(/[.-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `${words.join('')}V${definition.version}`;
}

export const DEAD_LETTER_SUFFIX = '.dlq';
export const deadLetterTopic = (topic: string): string => `${topic}${DEAD_LETTER_SUFFIX}`;

/** The headers a dead-lettered message carries beside its original key and value (README "Messaging guarantees"). */
export const DEAD_LETTER_HEADERS = {
  error: 'x-dlq-error',
  consumer: 'x-dlq-consumer',
  sourceTopic: 'x-dlq-source-topic',
  sourcePartition: 'x-dlq-source-partition',
  sourceOffset: 'x-dlq-source-offset',
} as const;
/** The error header is cut to this many characters. */
export const DEAD_LETTER_ERROR_MAX_LENGTH = 4000;

export type ParseResult<P> = { ok: true; envelope: Envelope<P> } | { ok: false; error: string };

/** Validates an incoming message (already JSON-decoded) against the envelope and the event's payload schema. */
export function parseEvent<P>(definition: EventDefinition<P>, value: unknown): ParseResult<P> {
  const envelope = EnvelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, error: `envelope: ${z.prettifyError(envelope.error)}` };
  if (envelope.data.type !== definition.type || envelope.data.version !== definition.version) {
    return {
      ok: false,
      error: `expected ${definition.type} v${definition.version}, got ${envelope.data.type} v${envelope.data.version}`,
    };
  }
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, error: `payload: ${z.prettifyError(payload.error)}` };
  return { ok: true, envelope: { ...envelope.data, payload: payload.data } };
}
