import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { EventTransport, OutgoingMessage } from './event-transport';
import { OUTBOX_CHANNEL } from './outbox';

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  value: unknown;
  headers: Record<string, string> | null;
}

const BATCH = 200;

/**
 * The Kafka header carrying the outbox row's seq: the order in which the publishing service wrote its events,
 * across all its topics. A consumer that follows one order's facts over several topics (sales' tracking ledger)
 * orders one publisher's facts by it, where the topics alone only keep each topic's own order.
 */
export const OUTBOX_SEQ_HEADER = 'x-outbox-seq';
const RETENTION = `interval '7 days'`;

/**
 * Sends outbox rows to Kafka in commit order (key = order id), then marks them sent. One relay at a time per
 * database (advisory lock), so several replicas never reorder an order's events. Woken by NOTIFY on commit,
 * with a slow poll as a safety net; while Kafka is away it backs off and nothing is lost.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private pollTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private housekeepingTimer?: NodeJS.Timeout;
  private listenTimer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private failures = 0;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.pollTimer = setInterval(() => this.wake(), this.config.OUTBOX_POLL_MS);
    this.housekeepingTimer = setInterval(() => void this.deleteOldSent(), 3_600_000);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.housekeepingTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.listenTimer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  /** Starts a drain, or asks the running one to go round once more. */
  wake(): void {
    if (this.stopped || this.retryTimer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again && !this.retryTimer) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Waits until everything committed so far has been sent (tests and graceful shutdown). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        this.again = false;
        const sent = await this.relayBatch();
        if (sent < BATCH) break;
      }
      if (this.failures > 0) this.logger.log(`outbox relay recovered after ${this.failures} failed attempt(s)`);
      this.failures = 0;
    } catch (err) {
      this.failures += 1;
      const delay = Math.min(this.config.OUTBOX_MAX_BACKOFF_MS, 100 * 2 ** Math.min(this.failures, 10));
      this.logger.warn(`outbox relay failed (attempt ${this.failures}), retrying in ${delay} ms: ${(err as Error).message}`);
      await this.transport.reset();
      await this.recordFailure(err as Error);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.wake();
      }, delay);
    }
  }

  private async relayBatch(): Promise<number> {
    await this.transport.connect();
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtext('opm.outbox.relay')) AS locked`);
      if (!locked) return 0;
      const rows: OutboxRow[] = await m.query(
        `SELECT seq, topic, message_key, value, headers FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT $1`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, OutgoingMessage[]>();
      for (const row of rows) {
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({ key: row.message_key, value: JSON.stringify(row.value), headers: { ...(row.headers ?? {}), [OUTBOX_SEQ_HEADER]: String(row.seq) } });
        byTopic.set(row.topic, messages);
      }
      await this.transport.send([...byTopic].map(([topic, messages]) => ({ topic, messages })));
      await m.query(`UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])`, [
        rows.map((r) => r.seq),
      ]);
      return rows.length;
    });
  }

  private async recordFailure(err: Error): Promise<void> {
    await this.dataSource
      .query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $1
          WHERE seq = (SELECT min(seq) FROM outbox WHERE sent_at IS NULL)`,
        [err.message.slice(0, 1000)],
      )
      .catch(() => undefined); // the database may be the thing that is down
  }

  private async deleteOldSent(): Promise<void> {
    await this.dataSource.query(`DELETE FROM outbox WHERE sent_at < now() - ${RETENTION}`).catch((err: Error) => {
      this.logger.warn(`outbox housekeeping failed: ${err.message}`);
    });
  }

  /** A dedicated connection for LISTEN; re-established when the database comes back. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', () => this.wake());
    client.on('error', (err) => {
      this.logger.warn(`outbox listener lost its connection: ${err.message}`);
      this.listener = undefined;
      void client.end().catch(() => undefined);
      this.listenLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
      this.wake(); // catch anything committed while not listening
    } catch (err) {
      this.logger.warn(`outbox listener could not connect: ${(err as Error).message}`);
      await client.end().catch(() => undefined);
      this.listenLater();
    }
  }

  private listenLater(): void {
    if (this.stopped || this.listenTimer) return;
    this.listenTimer = setTimeout(() => {
      this.listenTimer = undefined;
      void this.listen();
    }, 1000);
  }
}
