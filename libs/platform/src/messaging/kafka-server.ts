import { Logger } from '@nestjs/common';
import { CustomStrategy, KafkaOptions, type MessageHandler, ServerKafka, Transport } from '@nestjs/microservices';
import type { Consumer, EachMessagePayload } from 'kafkajs';
import type { ServiceConfig } from '../config/service-config';
import { retryDelayOf } from './consumer-policy';
import { SequentialEventHandlers } from './sequential-handlers';
import { kafkaLogCreator } from './kafka-connections';

/**
 * The Nest Kafka transport options for a service's @EventPattern consumers: one consumer group per service
 * (Nest appends `-server`), messages kept binary so the inbox validates what was really sent. Partitions are
 * consumed side by side, each one message at a time, so one order's events (one key, one partition) are
 * applied in order while different orders proceed in parallel. Offsets are committed by `PolicyKafkaServer`
 * (autoCommit off), one message at a time, once it is applied or dead-lettered.
 */
export function kafkaServerOptions(config: ServiceConfig): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      client: {
        clientId: config.KAFKA_CLIENT_ID,
        brokers: config.KAFKA_BROKERS,
        logCreator: kafkaLogCreator(new Logger('KafkaConsumer')),
        connectionTimeout: 3000,
        retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 5000 },
      },
      consumer: {
        groupId: config.KAFKA_GROUP_ID,
        sessionTimeout: 10000,
        heartbeatInterval: 1000,
        allowAutoTopicCreation: false,
        // The broker's long poll, and the fetcher's sleep while every partition it reads is paused: it bounds how
        // late a paused partition is read again after its retry delay (kafkajs' default, 5 s, made a 200 ms retry 5 s).
        maxWaitTimeInMs: 1000,
        retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5000 },
      },
      subscribe: { fromBeginning: true },
      run: { autoCommit: false, partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENTLY },
      parser: { keepBinary: true },
      producer: { allowAutoTopicCreation: false },
    },
  };
}

const nextOffset = (offset: string): string => (BigInt(offset) + 1n).toString();

/** The part of a kafkajs consumer that pausing a partition for a retry uses. */
export type PartitionControl = Pick<Consumer, 'pause' | 'seek' | 'resume'>;

/**
 * A consumer's partitions paused for a retry: each is rewound to its message and resumed after its delay. A resume
 * that comes after the consumer crashed (the broker went away: kafkajs drops its consumer group and throws on
 * `resume` until it has restarted) must not throw from a timer, which would take the whole service down; the
 * restarted consumer reads from the last committed offset, so the message comes again anyway.
 */
export class PausedPartitions {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly consumer: PartitionControl,
    private readonly logger: Pick<Logger, 'debug' | 'warn'>,
  ) {}

  get pending(): number {
    return this.timers.size;
  }

  retryLater(topic: string, partition: number, offset: string, delayMs: number): void {
    const partitions = [{ topic, partitions: [partition] }];
    this.consumer.pause(partitions);
    this.consumer.seek({ topic, partition, offset });
    this.logger.debug(`${topic}@${partition}:${offset} paused for ${delayMs} ms, then tried again`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        // After a rebalance the partition may be another member's: resuming it here is then a no-op.
        this.consumer.resume(partitions);
      } catch (err) {
        this.logger.warn(`${topic}@${partition}:${offset} not resumed (${(err as Error).message}); the restarted consumer reads it again`);
      }
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** The consumer crashed or closed: its pauses went with its consumer group. */
  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/**
 * Nest's Kafka server with the consumer policy's "retry later" done the kafkajs way, so a message that must wait
 * never holds `eachMessage` (kafkajs sends heartbeats only between messages: a sleep there outlives the session):
 *
 * - handled (applied, skipped as a duplicate, or dead-lettered): its offset is committed at once;
 * - the handler threw (the inbox throws `RetryLater` with the policy's delay; anything else waits `fallbackDelayMs`):
 *   the topic-partition is paused, the consumer seeks back to the message, and the partition resumes after the
 *   delay (`PausedPartitions`). Nothing was committed, so a crash meanwhile redelivers the message; other
 *   partitions go on, and the consumer keeps heartbeating because `eachMessage` returned.
 *
 * Several `@EventPattern` handlers of one topic in one service (sales' tracking beside its settlement stage) run one
 * after another (`SequentialEventHandlers`), so the offset is committed only once every one has finished, and a
 * failure of any one sends the message again: each handler consumes through its own inbox name, which skips what it
 * already applied (in-memory-transport.spec.ts shows both).
 */
export class PolicyKafkaServer extends ServerKafka {
  private readonly policyLogger = new Logger('KafkaConsumer');
  private paused?: { consumer: Consumer; partitions: PausedPartitions };
  private readonly chains = new SequentialEventHandlers();

  constructor(
    options: KafkaOptions['options'],
    private readonly fallbackDelayMs = 1000,
  ) {
    super(options ?? {});
  }

  /** Handlers of one event pattern run in sequence (`SequentialEventHandlers`), not side by side as Nest chains them. */
  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    if (!isEventHandler) return super.addHandler(pattern, callback, isEventHandler, extras);
    const first = this.chains.add(this.normalizePattern(pattern as string), callback);
    if (first) super.addHandler(pattern, first, true, extras);
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const partitions = new PausedPartitions(consumer, this.policyLogger);
    this.paused = { consumer, partitions };
    consumer.on(consumer.events.CRASH, () => partitions.clear());
    await super.bindEvents(consumer);
  }

  override async handleMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    const consumer = this.consumer as Consumer | null;
    if (!consumer) return;
    try {
      await super.handleMessage(payload);
    } catch (err) {
      const paused = this.paused?.consumer === consumer ? this.paused.partitions : undefined;
      if (!paused) throw err;
      paused.retryLater(topic, partition, message.offset, retryDelayOf(err, this.fallbackDelayMs));
      return;
    }
    await consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
  }

  override async close(): Promise<void> {
    this.paused?.partitions.clear();
    this.paused = undefined;
    await super.close();
  }
}

/** The strategy `app.connectMicroservice` takes for the Kafka transport. */
export function kafkaConsumerStrategy(config: ServiceConfig): CustomStrategy {
  return { strategy: new PolicyKafkaServer(kafkaServerOptions(config).options, config.CONSUMER_RETRY_INITIAL_MS) };
}
