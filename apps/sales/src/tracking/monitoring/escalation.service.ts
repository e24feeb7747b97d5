import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog, Page, PeriodicJob, ServiceConfig, SERVICE_CONFIG, UserDirectory } from '@opm/platform';
import { SALES_CONFIG, type SalesConfig } from '../../config/sales-config';
import { ORDER_MAILER } from '../../documents/order-mailer.provider';
import { OrderMailer } from '../../documents/order-mailer';
import { sendPendingMails } from '../../documents/pending-mails';
import { Escalation, EscalationKind } from './escalation.entity';
import { composeEscalationMail, escalationRecipients } from './escalation-rules';
import { MonitoringStream } from './monitoring-stream';
import { ESCALATION_CHANNEL, MonitoringService } from './monitoring.service';
import type { EscalationView } from './monitoring.view';

export interface RaiseEscalation {
  orderId: string;
  kind: EscalationKind;
  department: string;
  summary: string;
  refType: string;
  refId: string;
  at: Date;
}

/**
 * Escalations (R6.5): raised in the transaction of the event that shows them (once per kind and record), listed for
 * leaders and heads, and mailed to leadership and the department's head after the commit by a PeriodicJob that locks
 * one row at a time and keeps a refused send PENDING for the next scan (like dunning). The same job escalates
 * acknowledgements of an issued order that are past due, which no event announces.
 */
@Injectable()
export class EscalationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;
  private readonly users: UserDirectory;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly monitoring: MonitoringService,
    private readonly stream: MonitoringStream,
    @Inject(SALES_CONFIG) config: SalesConfig,
    @Inject(SERVICE_CONFIG) service: ServiceConfig,
    @Optional() @Inject(ORDER_MAILER) private readonly mailer: OrderMailer | null,
  ) {
    this.users = UserDirectory.load(service);
    this.job = new PeriodicJob('escalations', config.MONITORING_SCAN_MS, async () => (await this.escalateLateAcknowledgements()) + (await this.mailPending()));
  }

  onApplicationBootstrap(): void {
    this.job.start();
    // "At once" (R6.5): a committed escalation is mailed now; the scan stays for retries and a missed notification.
    this.stream.escalations.subscribe(() => void this.job.tick());
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  async raise(m: EntityManager, e: RaiseEscalation): Promise<void> {
    const recipients = escalationRecipients(this.users.all(), e.department);
    const mailStatus = !this.mailer ? 'NO_SMTP' : recipients.length === 0 ? 'NO_RECIPIENTS' : 'PENDING';
    const inserted: unknown[] = await m.query(
      `INSERT INTO sales_escalation (id, "orderId", kind, department, summary, "refType", "refId", "raisedAt", "mailStatus")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (kind, "refId") DO NOTHING RETURNING id`,
      [randomUUID(), e.orderId, e.kind, e.department, e.summary, e.refType, e.refId, e.at, mailStatus],
    );
    if (inserted.length === 0) return;
    await m.query('SELECT pg_notify($1, $2)', [ESCALATION_CHANNEL, (inserted[0] as { id: string }).id]);
    await this.audit.record(m, { action: 'order.escalated', entityType: 'order', entityId: e.orderId, orderId: e.orderId, reason: `${e.kind} (${e.department}): ${e.summary}` });
  }

  /** Acknowledgements still open past their due time (R4.3, R6.5). */
  async escalateLateAcknowledgements(now = new Date()): Promise<number> {
    const late: { orderId: string; department: string; dueAt: Date }[] = await this.dataSource.query(
      `SELECT i."orderId", i.department, i."dueAt" FROM sales_monitoring_item i
       WHERE i.kind = 'ACKNOWLEDGEMENT' AND i."closedAt" IS NULL AND i."dueAt" < $1
         AND NOT EXISTS (SELECT 1 FROM sales_escalation e WHERE e.kind = 'LATE_ACKNOWLEDGEMENT' AND e."refId" = i."orderId" || ':' || i.department)
       LIMIT 100`,
      [now],
    );
    for (const l of late) {
      await this.dataSource.transaction((m) =>
        this.raise(m, { orderId: l.orderId, kind: 'LATE_ACKNOWLEDGEMENT', department: l.department, summary: `${l.department} has not acknowledged the issued order due by ${new Date(l.dueAt).toISOString()}`, refType: 'issue-acknowledgement', refId: `${l.orderId}:${l.department}`, at: now }),
      );
    }
    return late.length;
  }

  /** One scan: mails every PENDING escalation it can lock; a failure stays PENDING with its error. */
  mailPending(): Promise<number> {
    return sendPendingMails<Escalation>(this.dataSource, this.mailer, {
      claim: async (m) => {
        const [locked]: { id: string }[] = await m.query(`SELECT id FROM sales_escalation WHERE "mailStatus" = 'PENDING' ORDER BY attempts, "raisedAt" LIMIT 1 FOR UPDATE SKIP LOCKED`);
        return locked ? m.findOneByOrFail(Escalation, { id: locked.id }) : null;
      },
      compose: async (m, e) => {
        const to = escalationRecipients(this.users.all(), e.department);
        if (to.length === 0) return null;
        const row = await this.monitoring.row(m, e.orderId);
        const [order]: { number: string }[] = await m.query('SELECT number FROM sales_order WHERE id = $1', [e.orderId]);
        const { subject, text } = composeEscalationMail({ kind: e.kind, orderNumber: order?.number ?? e.orderId, department: e.department, summary: e.summary, raisedAt: e.raisedAt, promisedDate: row?.promisedDate ?? null, expectedDate: row?.expectedDate ?? null });
        return { to: to.join(', '), subject, text };
      },
      unsendable: async (m, e) => void (await m.update(Escalation, { id: e.id }, { mailStatus: 'NO_RECIPIENTS' })),
      sent: async (m, e, mail) => void (await m.update(Escalation, { id: e.id }, { mailStatus: 'MAILED', mailedTo: mail.to, mailedAt: new Date(), attempts: e.attempts + 1, lastError: null })),
      failed: async (m, e, error) => void (await m.update(Escalation, { id: e.id }, { attempts: e.attempts + 1, lastError: error })),
    });
  }

  async list(q: { orderId?: string; page: number; pageSize: number }): Promise<Page<EscalationView>> {
    const qb = this.dataSource.getRepository(Escalation).createQueryBuilder('e').orderBy('e."raisedAt"', 'DESC').addOrderBy('e.id');
    if (q.orderId) qb.where('e."orderId" = :orderId', { orderId: q.orderId });
    const [rows, total] = await qb.skip((q.page - 1) * q.pageSize).take(q.pageSize).getManyAndCount();
    const numbers = new Map<string, string>(
      rows.length ? ((await this.dataSource.query('SELECT id, number FROM sales_order WHERE id = ANY($1::uuid[])', [[...new Set(rows.map((r) => r.orderId))]])) as { id: string; number: string }[]).map((r) => [r.id, r.number]) : [],
    );
    return {
      items: rows.map((e) => ({
        id: e.id,
        orderId: e.orderId,
        number: numbers.get(e.orderId) ?? null,
        kind: e.kind,
        department: e.department,
        summary: e.summary,
        ref: { type: e.refType, id: e.refId },
        raisedAt: e.raisedAt.toISOString(),
        mail: { status: e.mailStatus, mailedTo: e.mailedTo, mailedAt: e.mailedAt?.toISOString() ?? null, attempts: e.attempts },
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
