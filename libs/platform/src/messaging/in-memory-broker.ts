import { createHash } from 'node:crypto';
import { retryDelayOf } from './consumer-policy';
import type { OutgoingMessage, TopicMessages } from './event-transport';

/** A message as a consumer of the in-memory broker sees it: the fields of a Kafka message that the inbox reads. */
export interface BrokerMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer>;
  timestamp: string;
}

/** Resolves when the message is handled; a rejection means "not handled": the same message comes again. */
export type DeliveryHandler = (message: BrokerMessage) => Promise<void>;

export interface InMemoryBrokerOptions {
  /** Partitions per topic (the Kafka topics have 3); messages with the same key share one. */
  partitions?: number;
  /** Wait before the first redelivery after a handler failed; doubles up to `retryMaxMs` (as the Kafka consumer's retry). */
  retryInitialMs?: number;
  retryMaxMs?: number;
}

export interface InMemorySubscription {
  /** Lets the handler in flight finish, then fails the publications still waiting on this group. */
  close(): Promise<void>;
}

/** A publication waited for a consumer group that stopped before handling the message. */
export class ConsumerGroupStopped extends Error {}

interface Pending {
  message: BrokerMessage;
  resolve: () => void;
  reject: (err: Error) => void;
}

/** One consumer group's share of one topic partition: one message at a time, in offset order, retried until handled. */
class PartitionQueue {
  private readonly pending: Pending[] = [];
  private running = false;
  private draining: Promise<void> = Promise.resolve();
  private closed = false;
  private interruptWait?: () => void;

  constructor(
    private readonly group: string,
    private readonly handler: DeliveryHandler,
    private readonly retryInitialMs: number,
    private readonly retryMaxMs: number,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  push(message: BrokerMessage): Promise<void> {
    if (this.closed) return Promise.reject(new ConsumerGroupStopped(`consumer group ${this.group} has stopped`));
    const done = new Promise<void>((resolve, reject) => this.pending.push({ message, resolve, reject }));
    // `running` is set and cleared synchronously by drain(), so a message pushed as the loop ends is never stranded.
    if (!this.running) this.draining = this.drain();
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.interruptWait?.();
    await this.draining;
    for (const p of this.pending.splice(0)) {
      p.reject(new ConsumerGroupStopped(`consumer group ${this.group} stopped before handling ${p.message.topic}@${p.message.partition}:${p.message.offset}`));
    }
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      let attempt = 0;
      while (this.pending.length > 0 && !this.closed) {
        const head = this.pending[0];
        try {
          await this.handler(head.message);
          this.pending.shift();
          head.resolve();
          attempt = 0;
        } catch (err) {
          // As on Kafka: the offset is not committed, so the same message comes again (the handler logs why), after the
          // wait the consumer policy asked for (RetryLater), or this broker's own backoff.
          attempt += 1;
          await this.wait(retryDelayOf(err, Math.min(this.retryMaxMs, this.retryInitialMs * 2 ** (attempt - 1))));
        }
      }
    } finally {
      this.running = false;
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.interruptWait = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.interruptWait = finish;
    });
  }
}

/** One consumer group: its topics and a queue per topic partition, created as messages arrive. */
class GroupMember {
  private readonly queues = new Map<string, PartitionQueue>();

  constructor(
    readonly group: string,
    readonly topics: ReadonlySet<string>,
    private readonly handler: DeliveryHandler,
    private readonly options: Required<InMemoryBrokerOptions>,
  ) {}

  get pending(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.size;
    return n;
  }

  enqueue(message: BrokerMessage): Promise<void> {
    const id = `${message.topic}/${message.partition}`;
    let queue = this.queues.get(id);
    if (!queue) {
      queue = new PartitionQueue(this.group, this.handler, this.options.retryInitialMs, this.options.retryMaxMs);
      this.queues.set(id, queue);
    }
    return queue.push(message);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}

/**
 * An event broker inside one Node.js process, for the zero-setup local mode: the services of that process
 * exchange events with the same semantics the platform relies on from Kafka.
 *
 * - Consumer groups: every group subscribed to a topic gets each message; one member per group.
 * - Order: messages with the same key go to the same partition, and a group handles a partition strictly in
 *   order, one message at a time.
 * - Redelivery: a handler that fails gets the same message again (with backoff) until it succeeds; later
 *   messages of that partition wait, as behind an uncommitted Kafka offset.
 * - Durability: nothing is kept on disk, so `publish` resolves only once every subscribed group has handled each
 *   message. The outbox relay marks rows sent only then, so a crash or Ctrl-C loses nothing: unsent rows are
 *   sent again on the next start and the inbox skips what was already handled.
 * - A message to a topic that no group subscribes to is dropped (dead-letter topics: the `dead_letter` table
 *   keeps them). `hold()` makes publishers wait while consumers are still being attached.
 */
export class InMemoryBroker {
  private readonly members = new Map<string, GroupMember>();
  private readonly nextOffsets = new Map<string, bigint>();
  private readonly options: Required<InMemoryBrokerOptions>;
  private holds = 0;
  private opened: Promise<void> = Promise.resolve();
  private open?: () => void;

  constructor(options: InMemoryBrokerOptions = {}) {
    this.options = { partitions: 3, retryInitialMs: 300, retryMaxMs: 5000, ...options };
  }

  /** Attaches a consumer group; `handler` is called for each message of `topics`, per partition one at a time. */
  subscribe(group: string, topics: readonly string[], handler: DeliveryHandler): InMemorySubscription {
    if (this.members.has(group)) {
      throw new Error(`consumer group ${group} already has a member in this process: give each service its own group`);
    }
    const member = new GroupMember(group, new Set(topics), handler, this.options);
    this.members.set(group, member);
    return {
      close: async () => {
        if (this.members.get(group) === member) this.members.delete(group);
        await member.close();
      },
    };
  }

  /**
   * Makes `publish` wait until every hold is released: a process that starts several services holds the broker
   * until all of their consumer groups are attached, so no group misses a message sent during start-up.
   */
  hold(): () => void {
    if (this.holds === 0) this.opened = new Promise<void>((resolve) => (this.open = resolve));
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      if (this.holds === 0) this.open?.();
    };
  }

  /** Resolves once every subscribed group has handled every message; rejects if a group stopped first. */
  async publish(batch: readonly TopicMessages[]): Promise<void> {
    while (this.holds > 0) await this.opened;
    const deliveries: Promise<void>[] = [];
    // Everything is queued synchronously, so the order of the batch is the order of each partition.
    for (const { topic, messages } of batch) {
      const members = [...this.members.values()].filter((m) => m.topics.has(topic));
      for (const message of messages) {
        const partition = this.partitionFor(message.key);
        const offset = this.nextOffset(topic, partition);
        const timestamp = String(Date.now());
        for (const member of members) deliveries.push(member.enqueue(toBrokerMessage(topic, partition, offset, timestamp, message)));
      }
    }
    await Promise.all(deliveries);
  }

  /** Messages queued and not yet handled, over all groups (diagnostics and shutdown logs). */
  get pending(): number {
    let n = 0;
    for (const m of this.members.values()) n += m.pending;
    return n;
  }

  partitionFor(key: string | null): number {
    if (key == null) return 0;
    return createHash('md5').update(key).digest().readUInt32BE(0) % this.options.partitions;
  }

  private nextOffset(topic: string, partition: number): string {
    const id = `${topic}/${partition}`;
    const offset = this.nextOffsets.get(id) ?? 0n;
    this.nextOffsets.set(id, offset + 1n);
    return offset.toString();
  }
}

/** Each group gets buffers of its own, as each Kafka consumer decodes its own copy. */
function toBrokerMessage(topic: string, partition: number, offset: string, timestamp: string, m: OutgoingMessage): BrokerMessage {
  return {
    topic,
    partition,
    offset,
    timestamp,
    key: m.key == null ? null : Buffer.from(m.key, 'utf8'),
    value: m.value == null ? null : Buffer.from(m.value, 'utf8'),
    headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(v, 'utf8')])),
  };
}

/** The process's broker: every service started in this process with EVENT_TRANSPORT=memory shares it. */
export const sharedInMemoryBroker = new InMemoryBroker();
