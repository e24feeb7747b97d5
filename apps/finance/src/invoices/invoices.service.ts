import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { FinanceInvoiceIssuedV1, FinanceInvoiceSettledV1, FinancePaymentRecordedV1, FinanceSettlementRejectedV1, addDays, fromMinorUnits, isoDay, type SalesSettlementSubmitted, toMinorUnits } from '@opm/contracts';
import { AuditLog, BusinessRuleProblem, ConflictProblem, inTransaction, NotFoundProblem, Outbox, type Page, type Principal } from '@opm/platform';
import { CreditService } from '../credit/credit.service';
import type { ListInvoicesQuery, RecordPaymentDto, ReviewSettlementDto } from './dto/invoices.dto';
import { FinanceSettlement, Invoice, Payment } from './invoice.entities';
import { InvoiceNumbers } from './invoice-number';
import { type FinanceSettlementView, toFinanceSettlementView, toInvoiceView, type InvoiceView } from './invoice.view';
import { dueDateFor, parsePaymentTerms } from './payment-terms';
import { invoiceBalance, paymentRefusal } from './receivables';

/**
 * Settlement in finance (R7.2): the settlement lists sales submits, the finance head's review (an approval issues the
 * invoice, due by the order's payment terms), and payments against it. Outstanding is always derived from the payments.
 * Lock order: the settlement copy, then the invoice, then the number row; a payment locks the invoice. Each write's
 * event, the customer's re-announced credit standing (R2.4) and its audit entry go in the same transaction.
 */
@Injectable()
export class InvoicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly numbers: InvoiceNumbers,
    private readonly credit: CreditService,
  ) {}

  /** Sales submitted a list (again, after a rejection): the latest submission is kept; an older or repeated one changes nothing. */
  async applySubmitted(m: EntityManager, p: SalesSettlementSubmitted): Promise<void> {
    const existing = await m.findOne(FinanceSettlement, { where: { orderId: p.orderId }, lock: { mode: 'pessimistic_write' } });
    if (existing && (existing.revision >= p.revision || existing.status === 'APPROVED')) return;
    const copy = m.create(FinanceSettlement, {
      orderId: p.orderId,
      settlementId: p.settlementId,
      revision: p.revision,
      orderNumber: p.orderNumber,
      customerId: p.customerId,
      currency: p.currency,
      paymentTerms: p.paymentTerms,
      lines: p.lines,
      totalAmount: p.totalAmount,
      reconciliation: p.reconciliation,
      submittedBy: p.submittedBy,
      submittedAt: new Date(p.submittedAt),
      status: 'SUBMITTED',
      reviewedBy: null,
      reviewedAt: null,
      comment: null,
    });
    await m.save(copy);
    await this.audit.record(m, {
      action: 'settlement.received',
      entityType: 'settlement',
      entityId: p.settlementId,
      orderId: p.orderId,
      reason: `settlement list of order ${p.orderNumber} submitted by ${p.submittedBy} (revision ${p.revision}): ${p.totalAmount} ${p.currency}`,
      after: toFinanceSettlementView(copy, null),
    });
  }

  /**
   * The finance head's review (R7.2). APPROVE issues the invoice: numbered, for the list's total, due by the order's
   * payment terms or on the date finance gives (422 naming paymentTerms and dueDate when neither is there). REJECT sends
   * the list back to sales with the comment. 404 before the list reached finance, 409 once it is decided.
   */
  async review(orderId: string, dto: ReviewSettlementDto, principal: Principal): Promise<FinanceSettlementView> {
    return inTransaction(this.dataSource, async (m) => {
      const copy = await m.findOne(FinanceSettlement, { where: { orderId }, lock: { mode: 'pessimistic_write' } });
      if (!copy) throw new NotFoundProblem(`no settlement list of order ${orderId} has reached finance`);
      if (copy.status !== 'SUBMITTED') {
        throw new ConflictProblem(`the settlement list of order ${copy.orderNumber} is ${copy.status}: it was decided already`, { currentStatus: copy.status, action: 'review' });
      }
      const at = new Date();
      const comment = dto.comment ?? null;
      Object.assign(copy, { status: dto.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED', reviewedBy: principal.username, reviewedAt: at, comment });
      if (dto.decision === 'REJECT') {
        await m.save(copy);
        await this.outbox.publish(m, FinanceSettlementRejectedV1, { orderId }, {
          orderId,
          settlementId: copy.settlementId,
          revision: copy.revision,
          comment: comment as string,
          rejectedBy: principal.username,
          rejectedAt: at.toISOString(),
        });
        const view = toFinanceSettlementView(copy, null);
        await this.audit.record(m, { action: 'settlement.rejected', entityType: 'settlement', entityId: copy.settlementId, orderId, reason: `rejected by ${principal.username}: ${comment}`, after: view });
        return view;
      }
      const issueDate = isoDay(at);
      const terms = parsePaymentTerms(copy.paymentTerms);
      const dueDate = dto.dueDate ?? (terms ? dueDateFor(terms, issueDate) : null);
      if (!dueDate) {
        const message = `the payment terms ${JSON.stringify(copy.paymentTerms)} give no due date: set dueDate`;
        throw new BusinessRuleProblem(`order ${copy.orderNumber}: ${message}`, {
          errors: [
            { field: 'paymentTerms', message: `cannot be read: ${JSON.stringify(copy.paymentTerms)}` },
            { field: 'dueDate', message: 'required when the payment terms cannot be read' },
          ],
        });
      }
      await m.save(copy);
      const invoice = m.create(Invoice, {
        id: randomUUID(),
        number: await this.numbers.next(m, at),
        orderId,
        orderNumber: copy.orderNumber,
        customerId: copy.customerId,
        settlementId: copy.settlementId,
        amount: copy.totalAmount,
        currency: copy.currency,
        paymentTerms: copy.paymentTerms,
        issuedAt: at,
        dueDate,
        dueDateSource: dto.dueDate ? 'FINANCE' : 'PAYMENT_TERMS',
        issuedBy: principal.username,
        status: 'OPEN',
        overdueAnnouncedOn: null,
        version: 1,
      });
      await m.insert(Invoice, invoice);
      await this.outbox.publish(m, FinanceInvoiceIssuedV1, { orderId }, {
        orderId,
        invoiceId: invoice.id,
        number: invoice.number,
        settlementId: copy.settlementId,
        revision: copy.revision,
        customerId: invoice.customerId,
        amount: invoice.amount,
        currency: invoice.currency,
        issuedAt: at.toISOString(),
        dueDate,
        approvedBy: principal.username,
        comment,
      });
      const invoiceView = toInvoiceView(invoice, []);
      const view = toFinanceSettlementView(copy, invoiceView);
      await this.audit.record(m, {
        action: 'invoice.issued',
        entityType: 'invoice',
        entityId: invoice.id,
        orderId,
        reason: `settlement list of order ${copy.orderNumber} approved by ${principal.username}; invoice ${invoice.number} for ${invoice.amount} ${invoice.currency} due ${dueDate} (${invoice.dueDateSource === 'FINANCE' ? 'set by finance' : `from "${copy.paymentTerms}"`})`,
        after: view,
      });
      await this.credit.refreshExposure(m, invoice.customerId);
      return view;
    });
  }

  /**
   * A payment (R7.2): never more than outstanding (422 naming amount), the status following from the payments. The
   * last one publishes finance.invoice.settled (sales: SETTLED). Behind Idempotency-Key: a retried request is recorded once.
   */
  async recordPayment(invoiceId: string, dto: RecordPaymentDto, principal: Principal): Promise<InvoiceView> {
    return inTransaction(this.dataSource, async (m) => {
      const invoice = await m.findOne(Invoice, { where: { id: invoiceId }, lock: { mode: 'pessimistic_write' } });
      if (!invoice) throw new NotFoundProblem(`invoice ${invoiceId} does not exist`);
      if (invoice.status === 'VOID') throw new ConflictProblem(`invoice ${invoice.number} is VOID: nothing is paid on it`, { currentStatus: invoice.status, action: 'pay' });
      const payments = await m.find(Payment, { where: { invoiceId } });
      const before = invoiceBalance(invoice.amount, payments.map((p) => p.amount));
      const refusal = paymentRefusal(dto.amount, before.outstanding);
      if (refusal) throw new BusinessRuleProblem(`invoice ${invoice.number}: ${refusal}`, { errors: [{ field: 'amount', message: refusal }] });
      const payment = m.create(Payment, {
        id: randomUUID(),
        invoiceId,
        amount: fromMinorUnits(toMinorUnits(dto.amount)),
        method: dto.method,
        paidAt: new Date(dto.paidAt),
        reference: dto.reference ?? null,
        recordedBy: principal.username,
        recordedAt: new Date(),
      });
      await m.insert(Payment, payment);
      const all = [...payments, payment];
      const after = invoiceBalance(invoice.amount, all.map((p) => p.amount));
      // A disputed invoice stays DISPUTED while paid in part; paid in full it is PAID whatever else.
      invoice.status = invoice.status === 'DISPUTED' && after.status !== 'PAID' ? 'DISPUTED' : after.status;
      invoice.version += 1;
      await m.save(invoice);
      await this.outbox.publish(m, FinancePaymentRecordedV1, { orderId: invoice.orderId }, {
        orderId: invoice.orderId,
        invoiceId,
        invoiceNumber: invoice.number,
        paymentId: payment.id,
        customerId: invoice.customerId,
        amount: payment.amount,
        currency: invoice.currency,
        method: payment.method,
        paidAt: payment.paidAt.toISOString(),
        reference: payment.reference,
        outstanding: after.outstanding,
        invoiceStatus: invoice.status,
        recordedBy: principal.username,
      });
      if (after.status === 'PAID') {
        const settledAt = new Date(Math.max(...all.map((p) => p.paidAt.getTime())));
        await this.outbox.publish(m, FinanceInvoiceSettledV1, { orderId: invoice.orderId }, {
          orderId: invoice.orderId,
          invoiceId,
          number: invoice.number,
          amount: invoice.amount,
          currency: invoice.currency,
          payments: all.length,
          settledAt: settledAt.toISOString(),
        });
      }
      const view = toInvoiceView(invoice, all);
      await this.audit.record(m, {
        action: after.status === 'PAID' ? 'invoice.paid' : 'payment.recorded',
        entityType: 'invoice',
        entityId: invoiceId,
        orderId: invoice.orderId,
        reason: `${payment.amount} ${invoice.currency} by ${payment.method}${payment.reference ? ` (${payment.reference})` : ''} on invoice ${invoice.number}; outstanding ${after.outstanding}`,
        before: { status: before.status, paid: before.paid, outstanding: before.outstanding },
        after: view,
      });
      await this.credit.refreshExposure(m, invoice.customerId);
      return view;
    });
  }

  /**
   * Demo data: a customer's overdue debt carried over from before this system, as an invoice past its due date (an
   * opening balance, with its settlement record), so the demo's poor credit comes from invoices like every other
   * customer's. Seeded once (fixed ids); nothing is announced to sales, which has no order for it.
   */
  async seedDemoOpeningBalance(m: EntityManager, customerId: string, amount: string, now: Date = new Date()): Promise<boolean> {
    const orderId = demoUuid(`demo-opening-balance-order:${customerId}`);
    const issuedAt = new Date(now.getTime() - 75 * 86_400_000);
    const line = { lineNo: 1, productName: 'opening balance carried over', specification: null, quantityOrdered: 1, quantityDelivered: 1, unitPrice: amount, amount };
    const inserted: unknown[] = await m.query(
      `INSERT INTO finance_settlement ("orderId", "settlementId", revision, "orderNumber", "customerId", currency, "paymentTerms", lines, "totalAmount", reconciliation,
                                       "submittedBy", "submittedAt", status, "reviewedBy", "reviewedAt", comment)
       VALUES ($1, $2, 1, 'OPENING-BALANCE', $3, 'CNY', '30 days net', $4, $5, $6, 'demo', $7, 'APPROVED', 'demo', $7, 'demo data: opening balance')
       ON CONFLICT ("orderId") DO NOTHING RETURNING "orderId"`,
      [orderId, demoUuid(`demo-opening-balance-settlement:${customerId}`), customerId, JSON.stringify([line]), amount, JSON.stringify({ agreedBy: 'demo data', agreedAt: issuedAt.toISOString(), note: 'opening balance' }), issuedAt],
    );
    if (inserted.length === 0) return false;
    const invoice = m.create(Invoice, {
      id: demoUuid(`demo-opening-balance-invoice:${customerId}`),
      number: await this.numbers.next(m, issuedAt),
      orderId,
      orderNumber: 'OPENING-BALANCE',
      customerId,
      settlementId: demoUuid(`demo-opening-balance-settlement:${customerId}`),
      amount,
      currency: 'CNY',
      paymentTerms: '30 days net',
      issuedAt,
      dueDate: addDays(isoDay(issuedAt), 30),
      dueDateSource: 'PAYMENT_TERMS',
      issuedBy: 'demo',
      status: 'OPEN',
      overdueAnnouncedOn: null,
      version: 1,
    });
    await m.insert(Invoice, invoice);
    await this.audit.record(m, { action: 'invoice.seeded', entityType: 'invoice', entityId: invoice.id, reason: 'demo data: an overdue opening balance', after: toInvoiceView(invoice, []) });
    return true;
  }

  /**
   * Invoices fall overdue with time, not with an event: once a day per invoice, the customers of invoices past due and
   * unpaid get their credit standing re-announced (overdue debt included), so sales' credit check sees it (R2.4).
   * Locks the invoice rows (skipping those a payment holds), then the credit accounts, as a payment does.
   */
  async announceOverdue(now: Date = new Date()): Promise<number> {
    const today = isoDay(now);
    return this.dataSource.transaction(async (m) => {
      const due: { id: string; customerId: string }[] = await m.query(
        `SELECT id, "customerId" FROM finance_invoice
          WHERE status NOT IN ('PAID', 'VOID') AND "dueDate" < $1 AND ("overdueAnnouncedOn" IS NULL OR "overdueAnnouncedOn" < "dueDate")
          ORDER BY "customerId", id LIMIT 500 FOR UPDATE SKIP LOCKED`,
        [today],
      );
      for (const customerId of [...new Set(due.map((d) => d.customerId))]) await this.credit.refreshExposure(m, customerId, now);
      if (due.length) await m.query(`UPDATE finance_invoice SET "overdueAnnouncedOn" = $1 WHERE id = ANY($2)`, [today, due.map((d) => d.id)]);
      return due.length;
    });
  }

  async get(id: string): Promise<InvoiceView> {
    const invoice = await this.dataSource.getRepository(Invoice).findOneBy({ id });
    if (!invoice) throw new NotFoundProblem(`invoice ${id} does not exist`);
    return toInvoiceView(invoice, await this.dataSource.getRepository(Payment).findBy({ invoiceId: id }));
  }

  async list(query: ListInvoicesQuery): Promise<Page<InvoiceView>> {
    const [rows, total] = await this.dataSource.getRepository(Invoice).findAndCount({
      where: { ...(query.orderId ? { orderId: query.orderId } : {}), ...(query.customerId ? { customerId: query.customerId } : {}), ...(query.status ? { status: query.status } : {}) },
      order: { issuedAt: 'ASC', number: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const payments = rows.length ? await this.dataSource.getRepository(Payment).findBy({ invoiceId: In(rows.map((r) => r.id)) }) : [];
    return { items: rows.map((r) => toInvoiceView(r, payments.filter((p) => p.invoiceId === r.id))), total, page: query.page, pageSize: query.pageSize };
  }

  /** Finance's copy of the order's settlement list with its invoice; 404 before sales submitted one. */
  async settlement(orderId: string): Promise<FinanceSettlementView> {
    const copy = await this.dataSource.getRepository(FinanceSettlement).findOneBy({ orderId });
    if (!copy) throw new NotFoundProblem(`no settlement list of order ${orderId} has reached finance`);
    const invoice = await this.dataSource.getRepository(Invoice).findOneBy({ orderId });
    return toFinanceSettlementView(copy, invoice ? toInvoiceView(invoice, await this.dataSource.getRepository(Payment).findBy({ invoiceId: invoice.id })) : null);
  }
}

/** A fixed uuid (v4 layout) for a demo record, so seeding twice finds the first. */
function demoUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
