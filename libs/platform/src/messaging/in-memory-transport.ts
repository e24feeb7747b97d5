import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { BaseRpcContext, CustomTransportStrategy, MessageHandler, MicroserviceOptions, Server } from '@nestjs/microservices';
import { AsyncResource } from 'node:async_hooks';
import { isObservable, lastValueFrom } from 'rxjs';
import { EventContext, EventTransport, TopicMessages } from './event-transport';
import { BrokerMessage, InMemoryBroker, InMemorySubscription } from './in-memory-broker';
import { SequentialEventHandlers } from './sequential-handlers';

export const IN_MEMORY_TRANSPORT = Symbol('IN_MEMORY_TRANSPORT');

/** `@Ctx()` of a handler on the in-memory transport: the same accessors the inbox uses on `KafkaContext`. */
export class InMemoryContext extends BaseRpcContext<[BrokerMessage]> implements EventContext {
  getMessage(): BrokerMessage {
    return this.args[0];
  }

  getTopic(): string {
    return this.args[0].topic;
  }

  getPartition(): number {
    return this.args[0].partition;
  }
}

/**
 * Nest transport strategy that attaches a service's `@EventPattern` handlers to the in-memory broker as one
 * consumer group. As on Kafka, a handler that fails (or whose exception filter answers with an error) leaves the
 * message unhandled, and the broker delivers it again.
 */
export class InMemoryTransportServer extends Server implements CustomTransportStrategy {
  override transportId = IN_MEMORY_TRANSPORT;
  protected override readonly logger = new Logger('InMemoryTransport');
  private subscription?: InMemorySubscription;
  private readonly chains = new SequentialEventHandlers();

  constructor(
    private readonly broker: InMemoryBroker,
    private readonly group: string,
    private readonly onAttached: () => void = () => undefined,
  ) {
    super();
  }

  /** Handlers of one event pattern run in sequence (`SequentialEventHandlers`), not side by side as Nest chains them. */
  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    if (!isEventHandler) return super.addHandler(pattern, callback, isEventHandler, extras);
    const first = this.chains.add(this.normalizePattern(pattern as string), callback);
    if (first) super.addHandler(pattern, first, true, extras);
  }

  listen(callback: (err?: unknown) => void): void {
    try {
      // Deliveries run in this service's async context (its logger, its settings), not in the publisher's.
      const deliver = AsyncResource.bind((message: BrokerMessage) => this.deliver(message));
      this.subscription = this.broker.subscribe(this.group, [...this.messageHandlers.keys()], deliver);
    } catch (err) {
      callback(err);
      return;
    } finally {
      this.onAttached();
    }
    callback();
  }

  async close(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }

  on(): never {
    throw new Error('the in-memory transport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.broker as T;
  }

  private async deliver(message: BrokerMessage): Promise<void> {
    const handler: MessageHandler | null = this.getHandlerByPattern(message.topic);
    if (!handler) return; // subscribed only to the topics that have a handler
    const ctx = new InMemoryContext([message]);
    try {
      const result: unknown = await handler(message.value, ctx);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    } catch (err) {
      // The inbox has already said why it asked for a retry.
      if ((err as Error)?.name === 'RetryLater') throw err;
      this.logger.warn(
        `${this.group}: ${message.topic}@${message.partition}:${message.offset} not handled, it will be delivered again: ${(err as Error)?.message ?? String(err)}`,
      );
      throw err;
    }
  }
}

/**
 * The zero-setup transport: the process's in-memory broker. Sending resolves once every consumer group in the
 * process has handled the messages, so the outbox keeps anything not yet handled across a restart.
 */
export class InMemoryEventTransport extends EventTransport implements OnApplicationShutdown {
  readonly kind = 'memory' as const;
  private release?: () => void;

  constructor(
    private readonly broker: InMemoryBroker,
    private readonly group: string,
  ) {
    super();
  }

  async connect(): Promise<void> {
    // Nothing to connect to: the broker lives in this process.
  }

  send(batch: TopicMessages[]): Promise<void> {
    return this.broker.publish(batch);
  }

  async reset(): Promise<void> {
    // No connection to drop.
  }

  async ensureTopics(): Promise<void> {
    // A topic exists as soon as a consumer group subscribes to it.
  }

  async ping(): Promise<void> {
    // Always reachable: the broker lives in this process.
  }

  consumerOptions(): MicroserviceOptions {
    // Publishers wait until this service's consumers are attached, so its groups miss nothing sent at start-up.
    this.release ??= this.broker.hold();
    return { strategy: new InMemoryTransportServer(this.broker, this.group, () => this.release?.()) };
  }

  onApplicationShutdown(): void {
    this.release?.();
  }
}
