import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';

const KAFKA_LOG_LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs's own log lines, routed to the service's logger (JSON, N6). */
export function kafkaLogCreator(logger: Logger) {
  return () =>
    ({ namespace, level, log }: LogEntry): void => {
      const { message, ...extra } = log;
      logger[KAFKA_LOG_LEVELS[level] ?? 'log']({ msg: `${namespace}: ${message}`, ...extra });
    };
}

/** Creates every topic (and its dead-letter topic) that is missing; auto-creation is off on the broker. */
export async function ensureTopics(admin: Admin, topics: string[], partitions = 3): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: -1 })),
  });
}

/**
 * The process's one kafkajs client and its producer (used by the outbox relay and the dead-letter path).
 * The producer is idempotent with one request in flight, so a retry neither duplicates nor reorders (N2).
 */
@Injectable()
export class KafkaConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('Kafka');
  readonly kafka: Kafka;
  private producer?: Producer;
  private connecting?: Promise<Producer>;
  private admin?: Admin;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.kafka = new Kafka({
      clientId: config.KAFKA_CLIENT_ID,
      brokers: config.KAFKA_BROKERS,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(this.logger),
      connectionTimeout: 3000,
      requestTimeout: 10000,
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2000 },
    });
  }

  /** Connected producer; a failed connect is forgotten so the next call tries again. */
  async getProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      try {
        await producer.connect();
      } catch (err) {
        await producer.disconnect().catch(() => undefined);
        throw err;
      }
      this.producer = producer;
      return producer;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** Drops a producer whose sends failed, so the next attempt starts from a fresh connection. */
  async resetProducer(): Promise<void> {
    const old = this.producer;
    this.producer = undefined;
    await old?.disconnect().catch(() => undefined);
  }

  async getAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  /** Readiness: the broker answers a metadata request within the timeout. */
  async ping(timeoutMs = 2000): Promise<void> {
    const admin = await this.getAdmin();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        admin.describeCluster(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('Kafka did not answer in time')), timeoutMs))),
      ]);
    } catch (err) {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.producer?.disconnect(), this.admin?.disconnect()].map((p) => p?.catch(() => undefined)));
  }
}
