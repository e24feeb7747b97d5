import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Not } from 'typeorm';
import { daysBetween, FinanceInvoiceDunnedV1, isoDay, toMinorUnits } from '@opm/contracts';
import { AuditLog, ConflictProblem, inTransaction, NotFoundProblem, Outbox, type Page, type Principal } from '@opm/platform';
import { FINANCE_CONFIG, type FinanceConfig } from '../config/finance-config';
import { ageReceivables } from './ageing';
import { type DisputeAction, disputeAllows, disputeRefusal } from './dispute-rules';
import type { AgeingQuery, OpenDisputeDto, ResolveDisputeDto, SettlementRecordsQuery } from './dto/receivables.dto';
import { Dispute, DunningNotice, Invoice, Payment } from './invoice.entities';
import { dunningDue, type DunningLevel } from './dunning';
import { invoiceBalance } from './receivables';
import { type DisputeView, type ReceivablesAgeingView, toDisputeView } from './receivables.view';
import type { SettlementRecord } from './settlement-records';

/**
 * Late payment and disputes (R7.3): the receivables ageing by due date, and disputes on invoices. An open dispute makes
 * its invoice DISPUTED; resolving it gives the invoice back the status its payments make. A dispute's writes lock the
 * invoice first, as a payment does, so the two queue.
 */
@Injectable()
export class ReceivablesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    @Inject(FINANCE_CONFIG) private readonly config: FinanceConfig,
  ) {}

  /** As of a day: the invoices issued by then, less the payments made by then (so a past day's ageing stays what it was). */
  async ageing(query: AgeingQuery, now: Date = new Date()): Promise<ReceivablesAgeingView> {
    const asOf = query.asOf ?? isoDay(now);
    const currency = query.currency ?? 'CNY';
    const rows: { outstanding: string; dueDate: string }[] = await this.dataSource.query(
      `SELECT (i.amount - coalesce(sum(p.amount), 0))::text AS outstanding, i."dueDate"::text AS "dueDate"
         FROM finance_invoice i LEFT JOIN finance_payment p ON p."invoiceId" = i.id AND p."paidAt" < (($2::date + 1)::timestamp AT TIME ZONE 'UTC')
        WHERE i.currency = $1 AND i.status <> 'VOID' AND i."issuedAt" < (($2::date + 1)::timestamp AT TIME ZONE 'UTC')
        GROUP BY i.id`,
      [currency, asOf],
    );
    return { asOf, currency, ...ageReceivables(rows, asOf, this.config.FINANCE_AGEING_BOUNDS) };
  }

  /** Settlement records (R7.4): every payment with its invoice, order and customer, by customer and payment date, oldest first. */
  async records(query: SettlementRecordsQuery, all = false): Promise<Page<SettlementRecord>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.customerId) where.push(`i."customerId" = $${params.push(query.customerId)}`);
    if (query.from) where.push(`p."paidAt" >= ($${params.push(query.from)}::date::timestamp AT TIME ZONE 'UTC')`);
    if (query.to) where.push(`p."paidAt" < (($${params.push(query.to)}::date + 1)::timestamp AT TIME ZONE 'UTC')`);
    const from = `FROM finance_payment p JOIN finance_invoice i ON i.id = p."invoiceId" LEFT JOIN credit_account c ON c."customerId" = i."customerId"${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const limit = all ? '' : ` LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
    const rows: (Omit<SettlementRecord, 'paidAt'> & { paidAt: Date })[] = await this.dataSource.query(
      `SELECT p.id AS "paymentId", p."paidAt", p.amount::text AS amount, i.currency, p.method, p.reference, i."customerId", c."customerName",
              i."orderId", i."orderNumber", i.id AS "invoiceId", i.number AS "invoiceNumber", p."recordedBy"
       ${from} ORDER BY p."paidAt", p.id${limit}`,
      params,
    );
    return { items: rows.map((r) => ({ ...r, paidAt: r.paidAt.toISOString() })), total, page: all ? 1 : query.page, pageSize: all ? total : query.pageSize };
  }

  /**
   * Dunning (R7.3): for every unpaid invoice past due as of the clock's day, the level its days overdue reached is
   * recorded once, only upwards; a DISPUTED invoice is skipped while its dispute is open. Locks each invoice (skipping
   * those a payment or dispute holds: the next scan takes them), so a notice never races a payment.
   */
  async runDunning(now: Date = new Date()): Promise<number> {
    const today = isoDay(now);
    return this.dataSource.transaction(async (m) => {
      const due: { id: string; number: string; orderId: string; customerId: string; currency: string; status: string; dueDate: string; outstanding: string; lastLevel: DunningLevel | null }[] = await m.query(
        `SELECT i.id, i.number, i."orderId", i."customerId", i.currency, i.status, i."dueDate"::text AS "dueDate",
                (i.amount - coalesce((SELECT sum(p.amount) FROM finance_payment p WHERE p."invoiceId" = i.id), 0))::text AS outstanding,
                (SELECT n.level FROM finance_dunning_notice n WHERE n."invoiceId" = i.id ORDER BY n."daysOverdue" DESC LIMIT 1) AS "lastLevel"
           FROM finance_invoice i
          WHERE i.status NOT IN ('PAID', 'VOID', 'DISPUTED') AND i."dueDate" < $1
          ORDER BY i."dueDate", i.id LIMIT 500 FOR UPDATE OF i SKIP LOCKED`,
        [today],
      );
      let sent = 0;
      for (const invoice of due) {
        const daysOverdue = daysBetween(invoice.dueDate, today);
        const level = dunningDue({ status: invoice.status, outstanding: toMinorUnits(invoice.outstanding), daysOverdue, lastLevel: invoice.lastLevel }, this.config.FINANCE_DUNNING_DAYS);
        if (!level) continue;
        const notice = m.create(DunningNotice, { id: randomUUID(), invoiceId: invoice.id, level, daysOverdue, outstanding: invoice.outstanding, noticeDate: today, recordedAt: new Date() });
        await m.insert(DunningNotice, notice);
        // Sales mails the customer (issue 16 item 4); the event commits with the notice.
        await this.outbox.publish(m, FinanceInvoiceDunnedV1, { orderId: invoice.orderId }, {
          invoiceId: invoice.id,
          number: invoice.number,
          orderId: invoice.orderId,
          customerId: invoice.customerId,
          level,
          daysOverdue,
          outstanding: Number(toMinorUnits(invoice.outstanding)),
          currency: invoice.currency,
          dueDate: invoice.dueDate,
          dunnedAt: notice.recordedAt.toISOString(),
        });
        await this.audit.record(m, {
          action: 'invoice.dunned',
          entityType: 'invoice',
          entityId: invoice.id,
          orderId: invoice.orderId,
          reason: `${level} for invoice ${invoice.number}: ${invoice.outstanding} outstanding, ${daysOverdue} days overdue`,
          after: notice,
        });
        sent += 1;
      }
      return sent;
    });
  }

  async dunningOf(invoiceId: string): Promise<DunningNotice[]> {
    if (!(await this.dataSource.getRepository(Invoice).existsBy({ id: invoiceId }))) throw new NotFoundProblem(`invoice ${invoiceId} does not exist`);
    return this.dataSource.getRepository(DunningNotice).find({ where: { invoiceId }, order: { daysOverdue: 'ASC' } });
  }

  async open(invoiceId: string, dto: OpenDisputeDto, principal: Principal): Promise<DisputeView> {
    return inTransaction(this.dataSource, async (m) => {
      const invoice = await this.lockInvoice(m, invoiceId);
      const open = await m.countBy(Dispute, { invoiceId, status: Not('RESOLVED') });
      const refusal = disputeRefusal(invoice.status, open);
      if (refusal) throw new ConflictProblem(`invoice ${invoice.number}: ${refusal}`, { currentStatus: invoice.status, action: 'dispute' });
      const dispute = m.create(Dispute, {
        id: randomUUID(),
        invoiceId,
        status: 'OPEN',
        reason: dto.reason,
        openedBy: principal.username,
        openedAt: new Date(),
        escalationNote: null,
        escalatedBy: null,
        escalatedAt: null,
        resolution: null,
        resolvedBy: null,
        resolvedAt: null,
      });
      await m.insert(Dispute, dispute);
      Object.assign(invoice, { status: 'DISPUTED', version: invoice.version + 1 });
      await m.save(invoice);
      return this.recorded(m, 'dispute.opened', dispute, invoice, `invoice ${invoice.number} disputed: ${dto.reason}`);
    });
  }

  /** Handed to legal (R7.3); the invoice stays DISPUTED. */
  async escalate(id: string, dto: OpenDisputeDto, principal: Principal): Promise<DisputeView> {
    return inTransaction(this.dataSource, async (m) => {
      const { dispute, invoice } = await this.lockDispute(m, id, 'escalate');
      Object.assign(dispute, { status: 'ESCALATED', escalationNote: dto.reason, escalatedBy: principal.username, escalatedAt: new Date() });
      await m.save(dispute);
      return this.recorded(m, 'dispute.escalated', dispute, invoice, `dispute on invoice ${invoice.number} handed to legal: ${dto.reason}`);
    });
  }

  /** Resolved: the invoice leaves DISPUTED for the status its payments make. */
  async resolve(id: string, dto: ResolveDisputeDto, principal: Principal): Promise<DisputeView> {
    return inTransaction(this.dataSource, async (m) => {
      const { dispute, invoice } = await this.lockDispute(m, id, 'resolve');
      Object.assign(dispute, { status: 'RESOLVED', resolution: dto.resolution, resolvedBy: principal.username, resolvedAt: new Date() });
      await m.save(dispute);
      const payments = await m.findBy(Payment, { invoiceId: invoice.id });
      Object.assign(invoice, { status: invoiceBalance(invoice.amount, payments.map((p) => p.amount)).status, version: invoice.version + 1 });
      await m.save(invoice);
      return this.recorded(m, 'dispute.resolved', dispute, invoice, `dispute on invoice ${invoice.number} resolved: ${dto.resolution}`);
    });
  }

  async disputesOf(invoiceId: string): Promise<DisputeView[]> {
    const invoice = await this.dataSource.getRepository(Invoice).findOneBy({ id: invoiceId });
    if (!invoice) throw new NotFoundProblem(`invoice ${invoiceId} does not exist`);
    const disputes = await this.dataSource.getRepository(Dispute).find({ where: { invoiceId }, order: { openedAt: 'ASC' } });
    return disputes.map((d) => toDisputeView(d, invoice));
  }

  private async lockInvoice(m: EntityManager, id: string): Promise<Invoice> {
    const invoice = await m.findOne(Invoice, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!invoice) throw new NotFoundProblem(`invoice ${id} does not exist`);
    return invoice;
  }

  private async lockDispute(m: EntityManager, id: string, action: DisputeAction): Promise<{ dispute: Dispute; invoice: Invoice }> {
    const found = await m.findOneBy(Dispute, { id });
    if (!found) throw new NotFoundProblem(`dispute ${id} does not exist`);
    const invoice = await this.lockInvoice(m, found.invoiceId);
    const dispute = await m.findOneOrFail(Dispute, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!disputeAllows(dispute.status, action)) throw new ConflictProblem(`cannot ${action} a dispute in status ${dispute.status}`, { currentStatus: dispute.status, action });
    return { dispute, invoice };
  }

  private async recorded(m: EntityManager, action: string, dispute: Dispute, invoice: Invoice, reason: string): Promise<DisputeView> {
    const view = toDisputeView(dispute, invoice);
    await this.audit.record(m, { action, entityType: 'invoice', entityId: invoice.id, orderId: invoice.orderId, reason, after: view });
    return view;
  }
}
