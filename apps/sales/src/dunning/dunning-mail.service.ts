import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { FinanceInvoiceDunned } from '@opm/contracts';
import { AuditLog, PeriodicJob } from '@opm/platform';
import { SALES_CONFIG, type SalesConfig } from '../config/sales-config';
import { Customer } from '../customers/customer.entity';
import { OrderMailer } from '../documents/order-mailer';
import { sendPendingMails } from '../documents/pending-mails';
import { ORDER_MAILER } from '../documents/order-mailer.provider';
import { composeDunningMail } from './dunning-mail';
import { DunningMail } from './dunning-mail.entity';
import type { DunningMailsView } from './dunning-mail.view';

export interface DunningMailView {
  invoiceId: string;
  invoiceNumber: string;
  level: DunningMail['level'];
  daysOverdue: number;
  dunnedAt: string;
  status: DunningMail['status'];
  mailedTo: string | null;
  mailedAt: string | null;
  attempts: number;
  lastError: string | null;
}

const toView = (d: DunningMail): DunningMailView => ({
  invoiceId: d.invoiceId,
  invoiceNumber: d.invoiceNumber,
  level: d.level,
  daysOverdue: d.daysOverdue,
  dunnedAt: d.dunnedAt.toISOString(),
  status: d.status,
  mailedTo: d.mailedTo,
  mailedAt: d.mailedAt?.toISOString() ?? null,
  attempts: d.attempts,
  lastError: d.lastError,
});

/**
 * Dunning e-mails (R7.3, issue 16 item 4): each level finance records becomes one row here, in the inbox's transaction;
 * a PeriodicJob mails PENDING rows after that commit, one row locked at a time (so never twice for one level), and
 * keeps a failed one PENDING with its attempts and error for the next scan. No SMTP_URL or no customer address: the row
 * says so and nothing is sent.
 */
@Injectable()
export class DunningMailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    @Inject(SALES_CONFIG) config: SalesConfig,
    @Optional() @Inject(ORDER_MAILER) private readonly mailer: OrderMailer | null,
  ) {
    this.job = new PeriodicJob('dunning mail', config.DUNNING_MAIL_SCAN_MS, () => this.mailPending());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** Records the level finance announced (once per invoice and level) with what can be known now about mailing it. */
  async record(m: EntityManager, p: FinanceInvoiceDunned): Promise<void> {
    if (await m.existsBy(DunningMail, { invoiceId: p.invoiceId, level: p.level })) return;
    const customer = await m.findOneBy(Customer, { id: p.customerId });
    const address = customer?.email?.trim() || null;
    const status = !this.mailer ? 'NO_SMTP' : !address ? 'NO_ADDRESS' : 'PENDING';
    const row = m.create(DunningMail, {
      id: randomUUID(),
      orderId: p.orderId,
      invoiceId: p.invoiceId,
      invoiceNumber: p.number,
      customerId: p.customerId,
      level: p.level,
      daysOverdue: p.daysOverdue,
      outstanding: String(p.outstanding),
      currency: p.currency,
      dueDate: p.dueDate,
      dunnedAt: new Date(p.dunnedAt),
      status,
      mailedTo: null,
      attempts: 0,
      lastError: null,
      mailedAt: null,
      messageId: null,
    });
    await m.insert(DunningMail, row);
    await this.audit.record(m, {
      action: 'invoice.dunning-recorded',
      entityType: 'invoice',
      entityId: p.invoiceId,
      orderId: p.orderId,
      reason: `${p.level} for invoice ${p.number}, ${p.daysOverdue} days overdue: ${status === 'PENDING' ? `to be mailed to ${address}` : status === 'NO_SMTP' ? 'not mailed, no SMTP server configured' : 'not mailed, the customer has no e-mail address'}`,
    });
  }

  /** One scan: mails every PENDING row it can lock; a failure stays PENDING for the next scan. */
  mailPending(): Promise<number> {
    return sendPendingMails<DunningMail>(this.dataSource, this.mailer, {
      claim: async (m) => {
        const [row]: { id: string }[] = await m.query(`SELECT id FROM sales_dunning_mail WHERE status = 'PENDING' ORDER BY attempts, "dunnedAt" LIMIT 1 FOR UPDATE SKIP LOCKED`);
        return row ? m.findOneByOrFail(DunningMail, { id: row.id }) : null;
      },
      compose: async (m, mail) => {
        const customer = await m.findOneBy(Customer, { id: mail.customerId });
        const to = customer?.email?.trim() || null;
        if (!to) return null;
        const { subject, text } = composeDunningMail({ level: mail.level, invoiceNumber: mail.invoiceNumber, outstanding: Number(mail.outstanding), currency: mail.currency, dueDate: mail.dueDate, daysOverdue: mail.daysOverdue, toName: customer?.name });
        return { to, toName: customer?.name, subject, text };
      },
      unsendable: async (m, mail) => void (await m.update(DunningMail, { id: mail.id }, { status: 'NO_ADDRESS' })),
      sent: async (m, mail, sentMail, sent) => {
        await m.update(DunningMail, { id: mail.id }, { status: 'MAILED', mailedTo: sentMail.to, mailedAt: new Date(), messageId: sent.messageId, attempts: mail.attempts + 1, lastError: null });
        await this.audit.record(m, { action: 'invoice.dunning-mailed', entityType: 'invoice', entityId: mail.invoiceId, orderId: mail.orderId, reason: `${mail.level} for invoice ${mail.invoiceNumber} mailed to ${sentMail.to}` });
      },
      failed: async (m, mail, error) => void (await m.update(DunningMail, { id: mail.id }, { attempts: mail.attempts + 1, lastError: error })),
    });
  }

  async ofOrder(orderId: string): Promise<DunningMailsView> {
    const rows = await this.dataSource.getRepository(DunningMail).find({ where: { orderId }, order: { dunnedAt: 'ASC' } });
    return { items: rows.map(toView) };
  }
}
