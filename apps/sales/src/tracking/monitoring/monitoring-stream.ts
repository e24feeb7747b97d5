import { Inject, Injectable, Logger, MessageEvent, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import { Observable, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { Metrics } from '@opm/platform';
import { SALES_CONFIG, type SalesConfig } from '../../config/sales-config';
import { ESCALATION_CHANNEL, MONITORING_CHANNEL, MonitoringService } from './monitoring.service';

interface Change {
  seq: bigint;
  orderId: string;
}

/** `<seq>:<orderId>`, as `MonitoringService.changed` notifies it. */
export function parseNotification(payload: string | undefined): Change | null {
  const match = /^(\d+):([0-9a-f-]{36})$/.exec(payload ?? '');
  return match ? { seq: BigInt(match[1]), orderId: match[2] } : null;
}

/**
 * The live side of the monitoring stream (R6.4). One connection per sales instance LISTENs on the channel the
 * projection notifies at commit (so a change made by any instance reaches every instance's clients), and each client
 * gets the current row of every order that changed, with the change log's sequence as the event id. A client that
 * resumes (Last-Event-ID) first gets the changes it missed from the log, then the live ones; an id it has passed is
 * never sent again. The row is read when sent: it is the order's state now, overdue items computed at that moment.
 */
@Injectable()
export class MonitoringStream implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MonitoringStream.name);
  private readonly changes = new Subject<Change>();
  /** Escalations committed by any instance (their ids): the mailer sends at once instead of at its next scan. */
  readonly escalations = new Subject<string>();
  private client: PoolClient | null = null;
  private stopped = false;
  /** The newest change this instance has seen: after a lost LISTEN connection, the log from here is replayed. */
  private lastSeen: bigint | null = null;
  /** Clients connected now (a client that left must leave this count, or its subscription leaks). */
  private open = 0;
  private retry?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly monitoring: MonitoringService,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
    metrics: Metrics,
  ) {
    metrics.gauge('opm_monitoring_streams', 'Monitoring stream clients connected to this instance (R6.4)', [], async (g) => g.set(this.open), 'monitoring');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    client?.release(true);
    this.changes.complete();
    this.escalations.complete();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    let client: PoolClient | null = null;
    try {
      // The driver's pool gives the connection; it is kept for LISTEN and never returned to the pool for queries.
      const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
      const listening = await pool.connect();
      client = listening;
      // Until the log has been read after a reconnect, live notifications wait, so ids reach clients in order.
      let held: Change[] | null = [];
      listening.on('notification', (n) => {
        if (n.channel === ESCALATION_CHANNEL) return this.escalations.next(n.payload ?? '');
        const change = n.channel === MONITORING_CHANNEL ? parseNotification(n.payload) : null;
        if (!change) return;
        if (held) held.push(change);
        else this.publish(change);
      });
      listening.on('error', (err) => {
        this.logger.warn(`monitoring LISTEN connection lost (${err.message}); reconnecting`);
        if (this.client === listening) this.client = null;
        listening.release(true);
        this.retry = setTimeout(() => void this.listen(), 1000);
      });
      await listening.query(`LISTEN ${MONITORING_CHANNEL}`);
      await listening.query(`LISTEN ${ESCALATION_CHANNEL}`);
      // Notifications sent while no connection listened are lost: the change log has them.
      if (this.lastSeen !== null) for (const c of await this.monitoring.changesAfter(this.lastSeen.toString())) this.publish({ seq: BigInt(c.seq), orderId: c.orderId });
      else this.lastSeen = BigInt(await this.monitoring.lastChange());
      const waiting: Change[] = held;
      held = null;
      for (const c of waiting.sort((a, b) => (a.seq < b.seq ? -1 : 1))) if (c.seq > (this.lastSeen ?? 0n)) this.publish(c);
      this.client = listening;
    } catch (err) {
      this.logger.warn(`cannot LISTEN for monitoring changes (${(err as Error).message}); retrying`);
      client?.release(true);
      this.retry = setTimeout(() => void this.listen(), 1000);
    }
  }

  private publish(change: Change): void {
    if (this.lastSeen === null || change.seq > this.lastSeen) this.lastSeen = change.seq;
    this.changes.next(change);
  }

  /** The events of one client: rows as they change, after the ones missed since `lastEventId`, and a heartbeat comment. */
  events(lastEventId: string | null): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      this.open += 1;
      let sent = lastEventId === null ? null : BigInt(lastEventId);
      let chain: Promise<void> = Promise.resolve();
      let closed = false;
      const send = async (change: Change): Promise<void> => {
        if (closed || (sent !== null && change.seq <= sent)) return;
        sent = change.seq;
        const row = await this.monitoring.row(null, change.orderId);
        // No row: the order is archived (or unknown), which tracking never shows.
        if (row && !closed) subscriber.next({ type: 'order', id: change.seq.toString(), data: row });
      };
      const enqueue = (work: () => Promise<void>): void => {
        chain = chain.then(work).catch((err: Error) => {
          if (!closed) subscriber.error(err);
        });
      };
      // Subscribed before the log is read, so nothing committed in between is lost; the order of the chain keeps ids rising.
      const live = this.changes.subscribe((change) => enqueue(() => send(change)));
      if (lastEventId !== null) {
        enqueue(async () => {
          for (;;) {
            const missed = await this.monitoring.changesAfter((sent ?? 0n).toString());
            if (missed.length === 0) return;
            for (const c of missed) await send({ seq: BigInt(c.seq), orderId: c.orderId });
          }
        });
      }
      // A first comment commits the headers at once, so a client (or the gateway) knows the stream is open.
      subscriber.next({ comment: 'connected', data: undefined } as unknown as MessageEvent);
      const heartbeat = setInterval(() => subscriber.next({ comment: 'heartbeat' } as unknown as MessageEvent), this.config.MONITORING_HEARTBEAT_MS);
      return () => {
        this.open -= 1;
        closed = true;
        clearInterval(heartbeat);
        live.unsubscribe();
      };
    });
  }
}
