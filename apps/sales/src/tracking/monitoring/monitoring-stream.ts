import { Inject, Injectable, Logger, MessageEvent, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { Observable, Subject } from 'rxjs';
import { Metrics, SERVICE_CONFIG, type ServiceConfig } from '@opm/platform';
import { SALES_CONFIG, type SalesConfig } from '../../config/sales-config';
import { ChangeWatermark } from './change-watermark';
import { ESCALATION_CHANNEL, MONITORING_CHANNEL, MonitoringService } from './monitoring.service';
import type { MonitoringRowView } from './monitoring.view';

interface Change {
  seq: bigint;
  orderId: string;
}

interface RowChange extends Change {
  row: MonitoringRowView | null;
}

/** How long a hole in the change log may hold the resume point back (a transaction open that long, or rolled back). */
const RESUME_GAP_MS = 30_000;

/** `<seq>:<orderId>`, as `MonitoringService.changed` notifies it. */
export function parseNotification(payload: string | undefined): Change | null {
  const match = /^(\d+):([0-9a-f-]{36})$/.exec(payload ?? '');
  return match ? { seq: BigInt(match[1]), orderId: match[2] } : null;
}

/**
 * The live side of the monitoring stream (R6.4). One connection per sales instance LISTENs on the channel the
 * projection notifies at commit (so a change made by any instance reaches every instance's clients), and each client
 * gets the current row of every order that changed, with the change log's sequence as the event id. A client that
 * resumes (Last-Event-ID) first gets the changes it missed from the log, then the live ones. Seqs are taken before
 * their transactions commit, so they arrive out of order: a client is sent every change it has not had for that order,
 * and each event's id is the resume point (`ChangeWatermark`), below which nothing can still arrive. The row is read when sent: it is the order's state now, overdue items computed at that moment.
 */
@Injectable()
export class MonitoringStream implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MonitoringStream.name);
  /** Rows of changed orders, read once per batch and handed to every client. */
  private readonly rows = new Subject<RowChange>();
  private readonly pending = new Map<string, bigint>();
  private draining = false;
  /** Escalations committed by any instance (their ids): the mailer sends at once instead of at its next scan. */
  readonly escalations = new Subject<string>();
  private client: Client | null = null;
  private stopped = false;
  /**
   * How far this instance has seen the change log without a hole (`ChangeWatermark`): every event's id, and where the
   * log is replayed from after a lost LISTEN connection. Null until the first connection has read the log's end.
   */
  private watermark: ChangeWatermark | null = null;
  private settleTimer?: NodeJS.Timeout;
  /** Clients connected now (a client that left must leave this count, or its subscription leaks). */
  private open = 0;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly monitoring: MonitoringService,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
    @Inject(SERVICE_CONFIG) private readonly service: ServiceConfig,
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
    clearInterval(this.settleTimer);
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
    this.rows.complete();
    this.escalations.complete();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    // A connection of its own, outside the pool: LISTEN holds it for good, and the pool's connections are the requests'.
    const listening = new Client({ connectionString: this.service.DATABASE_URL, application_name: 'sales monitoring listener' });
    let lost = false;
    const reconnect = (why: string): void => {
      if (lost || this.stopped) return;
      lost = true;
      this.logger.warn(`monitoring LISTEN connection lost or refused (${why}); trying again in a second`);
      if (this.client === listening) this.client = null;
      void listening.end().catch(() => undefined);
      this.retry = setTimeout(() => void this.listen(), 1000);
    };
    listening.on('error', (err) => reconnect(err.message));
    listening.on('end', () => reconnect('closed'));
    // Until the log has been read after a reconnect, live notifications wait, so ids reach clients in order.
    let held: Change[] | null = [];
    listening.on('notification', (n) => {
      if (n.channel === ESCALATION_CHANNEL) return this.escalations.next(n.payload ?? '');
      const change = n.channel === MONITORING_CHANNEL ? parseNotification(n.payload) : null;
      if (!change) return;
      if (held) held.push(change);
      else this.publish(change);
    });
    try {
      await listening.connect();
      await listening.query(`LISTEN ${MONITORING_CHANNEL}`);
      await listening.query(`LISTEN ${ESCALATION_CHANNEL}`);
      // Notifications sent while no connection listened are lost: the change log has them.
      if (this.watermark !== null) for (const c of await this.monitoring.changesAfter(this.watermark.value.toString())) this.publish({ seq: BigInt(c.seq), orderId: c.orderId });
      else {
        this.watermark = new ChangeWatermark(BigInt(await this.monitoring.lastChange()), RESUME_GAP_MS);
        this.settleTimer = setInterval(() => this.watermark?.settle(Date.now()), 1000);
        this.settleTimer.unref();
      }
      const waiting: Change[] = held;
      held = null;
      for (const c of waiting.sort((a, b) => (a.seq < b.seq ? -1 : 1))) this.publish(c);
      this.client = listening;
    } catch (err) {
      reconnect((err as Error).message);
    }
  }

  /** A change seen (live or from the log): its row is read with the others pending, once for every client. */
  private publish(change: Change): void {
    this.watermark?.saw(change.seq, Date.now());
    const pending = this.pending.get(change.orderId);
    if (pending === undefined || change.seq > pending) this.pending.set(change.orderId, change.seq);
    if (!this.draining) void this.drain();
  }

  /**
   * Reads the rows of every order changed since the last read in one query and hands them to every client, newest
   * change per order only: a burst of changes (an order's review opens five tasks at once) costs one read, whatever
   * the number of clients.
   */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.size > 0) {
        const batch = [...this.pending.entries()].map(([orderId, seq]) => ({ orderId, seq }));
        this.pending.clear();
        try {
          const rows = new Map((await this.monitoring.rows(null, { orderIds: batch.map((b) => b.orderId) })).map((r) => [r.orderId, r]));
          for (const b of batch.sort((x, y) => (x.seq < y.seq ? -1 : 1))) this.rows.next({ seq: b.seq, orderId: b.orderId, row: rows.get(b.orderId) ?? null });
        } catch (err) {
          // Clients that miss these rows get them on their next reconnect (Last-Event-ID) from the log.
          this.logger.warn(`monitoring rows could not be read (${(err as Error).message}); ${batch.length} changes not streamed live`);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** The events of one client: rows as they change, after the ones missed since `lastEventId`, and a heartbeat comment. */
  events(lastEventId: string | null): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      this.open += 1;
      let closed = false;
      /**
       * Per order, the newest change sent: seqs are not committed in their order, so a change older than one already
       * sent for another order must still go out; only one already sent for the same order (a replay) is skipped.
       */
      const sentFor = new Map<string, bigint>();
      // No row: the order is archived (or unknown), which tracking never shows.
      const send = (r: RowChange): void => {
        const before = sentFor.get(r.orderId);
        if (closed || (before !== undefined && r.seq <= before)) return;
        sentFor.set(r.orderId, r.seq);
        // The id is where a resume must start for nothing committed late to be missed (never above this change).
        const mark = this.watermark?.value ?? r.seq;
        if (r.row) subscriber.next({ type: 'order', id: (mark < r.seq ? mark : r.seq).toString(), data: r.row });
      };
      // Subscribed before the log is read, so nothing committed in between is lost; live rows wait until the log is read.
      let held: RowChange[] | null = lastEventId === null ? null : [];
      const live = this.rows.subscribe((r) => (held ? held.push(r) : send(r)));
      if (lastEventId !== null) {
        void (async () => {
          try {
            let cursor = BigInt(lastEventId);
            for (;;) {
              const missed = await this.monitoring.changesAfter(cursor.toString());
              if (missed.length === 0 || closed) break;
              cursor = missed.reduce((max, c) => (BigInt(c.seq) > max ? BigInt(c.seq) : max), cursor);
              const rows = new Map((await this.monitoring.rows(null, { orderIds: missed.map((c) => c.orderId) })).map((r) => [r.orderId, r]));
              for (const c of missed) send({ seq: BigInt(c.seq), orderId: c.orderId, row: rows.get(c.orderId) ?? null });
            }
            const waiting = held ?? [];
            held = null;
            for (const r of waiting) send(r);
          } catch (err) {
            if (!closed) subscriber.error(err);
          }
        })();
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
