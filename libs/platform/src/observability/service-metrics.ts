import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { EventTransport } from '../messaging/event-transport';
import { KafkaConnections } from '../messaging/kafka-connections';
import { Metrics } from './metrics';

/** How long a lag reading is reused: scrapes every few seconds need not each ask the broker. */
const LAG_CACHE_MS = 5000;
const LAG_TIMEOUT_MS = 3000;
/** Gauges of one scrape that read the same query share its answer. */
const SCRAPE_SHARE_MS = 500;

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/**
 * Committed offset against high watermark, per topic-partition. A partition nothing was committed on yet (`-1`)
 * lags by all it holds (the group reads from the beginning).
 */
export function partitionLag(topic: string, committed: { partition: number; offset: string }[], watermarks: { partition: number; high: string; low: string }[]): PartitionLag[] {
  const byPartition = new Map(committed.map((c) => [c.partition, Number(c.offset)]));
  return watermarks.map((w) => {
    const offset = byPartition.get(w.partition) ?? -1;
    const from = offset < 0 ? Number(w.low) : offset;
    return { topic, partition: w.partition, lag: Math.max(0, Number(w.high) - from) };
  });
}

/**
 * A service's gauges, read when scraped (issue 11, item 4): the outbox backlog and the age of its oldest unsent
 * event, the dead letters kept, the database pool, and on Kafka the consumer group's lag per topic-partition.
 */
@Injectable()
export class ServiceMetrics implements OnModuleInit {
  private lagReading?: { at: number; value: Promise<PartitionLag[]> };
  private outboxReading?: { at: number; value: Promise<{ unsent: number; oldestAgeSeconds: number }> };

  constructor(
    private readonly metrics: Metrics,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly kafka: KafkaConnections,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    const m = this.metrics;
    const db = this.dataSource;
    // The pool first: gauges are collected side by side, and the queries of those below take connections.
    const pool = () => (db.driver as unknown as { master?: Pool }).master;
    const poolGauge = (name: string, help: string, read: (p: Pool) => number) =>
      m.gauge(name, help, [], async (g) => {
        const p = pool();
        if (!p) throw new Error('no pool yet');
        g.set(read(p));
      }, 'db_pool');
    poolGauge('opm_db_pool_total', 'Connections the database pool holds (in use and idle)', (p) => p.totalCount);
    poolGauge('opm_db_pool_idle', 'Idle connections in the database pool', (p) => p.idleCount);
    poolGauge('opm_db_pool_waiting', 'Queries waiting for a connection of the database pool', (p) => p.waitingCount);
    poolGauge('opm_db_pool_max', 'Size of the database pool (DATABASE_POOL_SIZE)', () => this.config.DATABASE_POOL_SIZE);
    m.gauge('opm_outbox_unsent', 'Outbox rows not sent to the broker yet', [], async (g) => g.set((await this.outbox()).unsent), 'outbox');
    m.gauge('opm_outbox_oldest_unsent_age_seconds', 'Age of the oldest unsent outbox row (0 when none)', [], async (g) => g.set((await this.outbox()).oldestAgeSeconds), 'outbox');
    m.gauge('opm_dead_letters', 'Messages kept in the dead_letter table, by source topic and consumer', ['topic', 'consumer'], async (g) => {
      const rows: { topic: string; consumer: string; n: number }[] = await db.query(
        `SELECT topic, consumer, count(*)::int AS n FROM dead_letter GROUP BY topic, consumer`,
      );
      for (const r of rows) g.set({ topic: r.topic, consumer: r.consumer }, r.n);
    }, 'dead_letter');
    if (this.transport.kind === 'kafka') {
      m.gauge('opm_consumer_lag', "Messages the service's consumer group has not committed yet, per topic-partition (high watermark - committed offset)", ['topic', 'partition'], async (g) => {
        for (const l of await this.lag()) g.set({ topic: l.topic, partition: String(l.partition) }, l.lag);
      }, 'kafka');
    }
  }

  /** Unsent rows and the age of the oldest, in one query shared by the two gauges of one scrape. */
  private outbox(): Promise<{ unsent: number; oldestAgeSeconds: number }> {
    const now = Date.now();
    if (!this.outboxReading || now - this.outboxReading.at > SCRAPE_SHARE_MS) {
      this.outboxReading = {
        at: now,
        value: this.dataSource
          .query(
            `SELECT count(*)::int AS unsent, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
               FROM outbox WHERE sent_at IS NULL`,
          )
          .then(([row]: { unsent: number; age: number }[]) => ({ unsent: row.unsent, oldestAgeSeconds: Math.max(0, row.age) })),
      };
    }
    return this.outboxReading.value;
  }

  /** The group's lag on every topic it has committed on, read at most every few seconds. */
  private lag(): Promise<PartitionLag[]> {
    const now = Date.now();
    if (!this.lagReading || now - this.lagReading.at > LAG_CACHE_MS) {
      const value = withTimeout(this.readLag(), LAG_TIMEOUT_MS);
      this.lagReading = { at: now, value };
      value.catch(() => (this.lagReading = undefined));
    }
    return this.lagReading.value;
  }

  private async readLag(): Promise<PartitionLag[]> {
    const admin = await this.kafka.getAdmin();
    // Nest appends `-server` to the configured group of its Kafka consumer.
    const groupId = `${this.config.KAFKA_GROUP_ID}-server`;
    const committed = await admin.fetchOffsets({ groupId });
    const lags = await Promise.all(
      committed.map(async (t) => partitionLag(t.topic, t.partitions, await admin.fetchTopicOffsets(t.topic))),
    );
    return lags.flat();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}
