import type { MicroserviceOptions } from '@nestjs/microservices';

/** One message as the outbox relay and the dead-letter path send it, whatever carries it. */
export interface OutgoingMessage {
  key: string | null;
  value: string | null;
  headers?: Record<string, string>;
}

export interface TopicMessages {
  topic: string;
  messages: OutgoingMessage[];
}

/** The fields of a consumed message that the inbox reads (Kafka's message has them, so does the in-memory one). */
export interface ConsumedMessage {
  offset: string;
  key?: Buffer | string | null;
  value: Buffer | string | null;
  /** Kafka headers (the producer's `traceparent` among them); the in-memory broker carries them too. */
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

/**
 * What an `@EventPattern` handler receives with `@Ctx()`: Nest's `KafkaContext` on Kafka, `InMemoryContext` on
 * the in-memory transport. Handlers and the inbox depend on this, never on one transport's class.
 */
export interface EventContext {
  getTopic(): string;
  getPartition(): number;
  getMessage(): ConsumedMessage;
}

export const EVENT_TRANSPORTS = ['kafka', 'memory'] as const;
export type EventTransportKind = (typeof EVENT_TRANSPORTS)[number];

/**
 * The one seam between the messaging mechanisms (outbox relay, inbox, dead letters) and what carries the events:
 * Kafka in production, an in-process broker in the zero-setup local mode (EVENT_TRANSPORT). Outbox and inbox
 * logic is the same on both, so the local mode exercises the production code paths.
 */
export abstract class EventTransport {
  abstract readonly kind: EventTransportKind;

  /** Makes the sending side ready; the relay calls it before taking its lock, so an outage costs no transaction. */
  abstract connect(): Promise<void>;

  /** Sends in order per topic and key, acknowledged by every replica / every consumer group; throws if not all were. */
  abstract send(batch: TopicMessages[]): Promise<void>;

  /** Drops a sending side whose sends failed, so the next attempt starts from a fresh one. */
  abstract reset(): Promise<void>;

  /** Creates the topics that are missing (with their dead-letter topics, as listed by the caller). */
  abstract ensureTopics(topics: string[]): Promise<void>;

  /** Readiness: resolves when the transport can carry events now. */
  abstract ping(timeoutMs?: number): Promise<void>;

  /** How the service's `@EventPattern` handlers are attached (`app.connectMicroservice`). */
  abstract consumerOptions(): MicroserviceOptions;
}
