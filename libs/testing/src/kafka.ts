import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Consumer, IHeaders, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { eventually } from './eventually';
import { REPO_ROOT } from './service-process';
import { TEST_KAFKA_BROKERS } from './stack';

const run = promisify(execFile);
const KAFKA_SCRIPT = join(REPO_ROOT, 'deploy', 'local', 'kafka', 'kafka.sh');

/** The real broker, stopped and started by the project's own script (outage tests). */
export const broker = {
  async stop(): Promise<void> {
    await run('bash', [KAFKA_SCRIPT, 'stop'], { env: process.env });
  },
  async start(): Promise<void> {
    await run('bash', [KAFKA_SCRIPT, 'start'], { env: { ...process.env, KAFKA_FRESH: '0' } });
  },
};

export interface ReceivedMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** A plain kafkajs client for tests: produce raw messages, read a topic from its end. */
export class KafkaTestClient {
  private readonly kafka = new Kafka({ clientId: 'e2e-test', brokers: TEST_KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  private producer?: Producer;
  private readonly consumers: Consumer[] = [];

  async produce(topic: string, messages: { key: string; value: string }[]): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    await this.producer.send({ topic, acks: -1, messages });
  }

  /** Collects everything on `topic` (from its beginning, so nothing produced around the join is missed). */
  async listen(topic: string): Promise<ReceivedMessage[]> {
    const received: ReceivedMessage[] = [];
    const consumer = this.kafka.consumer({ groupId: `e2e-listener-${topic}-${Date.now()}`, sessionTimeout: 6000, heartbeatInterval: 1000 });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let assigned!: () => void;
    const ready = new Promise<void>((resolve) => (assigned = resolve));
    consumer.on(consumer.events.GROUP_JOIN, () => assigned());
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: decodeHeaders(message.headers),
        });
      },
    });
    await ready;
    return received;
  }

  /**
   * Waits until a consumer group has committed past everything now on `topic`: proof that what a test just
   * produced was consumed (and, with the inbox, handled or skipped), not merely that time passed.
   */
  async waitUntilConsumed(groupId: string, topic: string, timeoutMs = 30_000): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      await eventually(
        async () => {
          const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
          for (const end of ends) {
            const at = committed.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
            // A partition that holds nothing (high = low) has no commit to wait for: -1 is "nothing consumed".
            const done = at === '-1' ? end.high === end.low : BigInt(at) >= BigInt(end.high);
            if (!done) throw new Error(`${groupId} is at ${at} of ${end.high} on ${topic}[${end.partition}]`);
          }
        },
        { timeoutMs },
      );
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.producer?.disconnect(), ...this.consumers.map((c) => c.disconnect())]);
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
}
