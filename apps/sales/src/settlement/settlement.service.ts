import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { type FinanceInvoiceIssued, type FinanceInvoiceSettled, type FinancePaymentRecorded, type FinanceSettlementRejected, SalesSettlementSubmittedV1 } from '@opm/contracts';
import { AuditLog, ConflictProblem, inTransaction, NotFoundProblem, NotYetApplicable, Outbox, type Principal } from '@opm/platform';
import { CatalogProduct } from '../catalog/catalog-product.entity';
import { SALES_CONFIG, type SalesConfig } from '../config/sales-config';
import { Customer } from '../customers/customer.entity';
import { renderInvoiceDocument } from './invoice-document';
import { OrderFacts } from '../lifecycle/order-facts';
import { OrderLifecycle } from '../lifecycle/order-lifecycle.service';
import { canTake } from '../lifecycle/order-state-machine';
import type { Order } from '../lifecycle/order.entity';
import { OrderRepository } from '../lifecycle/order.repository';
import type { SubmitSettlementDto } from './dto/submit-settlement.dto';
import { renderSettlementDocument } from './settlement-document';
import { buildSettlementList, type SettlementAction, settlementAllows } from './settlement-list';
import { Settlement } from './settlement.entity';
import { type SettlementListView, toSettlementView } from './settlement.view';

/**
 * The settlement stage (R7.1-7.2): sales drafts a DELIVERED order's settlement list from the delivered quantities (the
 * execution stage's fact) at the order's prices, submits it with the customer's reconciliation to finance, and moves
 * the order to INVOICED when finance issues the invoice and to SETTLED when finance reports it paid. Finance's answers
 * travel on different topics, so each is kept on the list and the order advances from whatever the list then shows.
 * Every write locks the order row first, then the list.
 */
@Injectable()
export class SettlementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrderRepository,
    private readonly facts: OrderFacts,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
  ) {}

  /** Drafts (or redraws a draft) from what the proofs of delivery confirmed; 409 before DELIVERED or once submitted. */
  async draft(orderId: string, principal: Principal): Promise<SettlementListView> {
    return inTransaction(this.dataSource, async (m) => {
      const order = await this.orders.lock(m, orderId);
      if (!canTake(order.status, 'invoice')) {
        throw new ConflictProblem(`order ${order.number} is ${order.status}: a settlement list is drawn up once it is DELIVERED`, { currentStatus: order.status, action: 'settle' });
      }
      const existing = await m.findOneBy(Settlement, { orderId });
      if (existing) this.assertAllows(existing, 'draft');
      const delivered = await this.facts.read(m, 'deliveredQuantities', orderId);
      const draft = buildSettlementList(order.lines, delivered, await this.catalogNames(m, order));
      const before = existing ? toSettlementView(existing) : null;
      const list = existing ?? m.create(Settlement, { orderId, id: randomUUID(), revision: 0, reconciliation: null, submittedBy: null, submittedAt: null, review: null, invoice: null, paidAt: null, version: 0 });
      Object.assign(list, {
        status: 'DRAFT',
        lines: draft.lines,
        totalAmount: draft.totalAmount,
        orderedAmount: draft.orderedAmount,
        currency: order.currency,
        paymentTerms: order.paymentTerms,
        draftedBy: principal.username,
        draftedAt: new Date(),
        version: list.version + 1,
      });
      await m.save(list);
      const view = toSettlementView(list);
      await this.audit.record(m, {
        action: existing ? 'settlement.redrafted' : 'settlement.drafted',
        entityType: 'settlement',
        entityId: list.id,
        orderId,
        reason: `settlement list of order ${order.number}: ${draft.totalAmount} ${order.currency} for the delivered quantities (ordered ${draft.orderedAmount})`,
        before,
        after: view,
      });
      return view;
    });
  }

  /** The customer agreed the quantities (R7.1): SUBMITTED, and finance is told. */
  async submit(orderId: string, dto: SubmitSettlementDto, principal: Principal): Promise<SettlementListView> {
    return inTransaction(this.dataSource, async (m) => {
      const order = await this.orders.lock(m, orderId);
      const list = await this.find(m, orderId);
      this.assertAllows(list, 'submit');
      if (!canTake(order.status, 'invoice')) {
        throw new ConflictProblem(`order ${order.number} is ${order.status}: only a DELIVERED order's list is submitted`, { currentStatus: order.status, action: 'settle' });
      }
      const at = new Date();
      Object.assign(list, {
        status: 'SUBMITTED',
        revision: list.revision + 1,
        reconciliation: { agreedBy: dto.agreedBy, agreedAt: new Date(dto.agreedAt).toISOString(), note: dto.note ?? null },
        submittedBy: principal.username,
        submittedAt: at,
        version: list.version + 1,
      });
      await m.save(list);
      await this.outbox.publish(m, SalesSettlementSubmittedV1, { orderId }, {
        orderId,
        settlementId: list.id,
        revision: list.revision,
        orderNumber: order.number,
        customerId: order.customerId,
        currency: list.currency,
        paymentTerms: list.paymentTerms,
        lines: list.lines,
        totalAmount: list.totalAmount,
        reconciliation: list.reconciliation as NonNullable<Settlement['reconciliation']>,
        submittedBy: principal.username,
        submittedAt: at.toISOString(),
      });
      const view = toSettlementView(list);
      await this.audit.record(m, {
        action: 'settlement.submitted',
        entityType: 'settlement',
        entityId: list.id,
        orderId,
        reason: `settlement list of order ${order.number} agreed by ${dto.agreedBy} and submitted to finance (revision ${list.revision})`,
        after: view,
      });
      return view;
    });
  }

  async get(orderId: string): Promise<SettlementListView> {
    await this.orders.assertExists(orderId);
    return toSettlementView(await this.find(this.dataSource.manager, orderId));
  }

  /** The printable settlement list (issue 16 item 7): rendered from the list as it is now, sealed once approved. */
  async pdf(orderId: string): Promise<{ number: string; pdf: Buffer }> {
    const order = await this.orders.find(orderId);
    const list = toSettlementView(await this.find(this.dataSource.manager, orderId));
    const customer = await this.dataSource.getRepository(Customer).findOneBy({ id: order.customerId });
    const pdf = await renderSettlementDocument(
      { orderNumber: order.number, customerName: customer?.name ?? order.customerId, list },
      { companyName: this.config.COMPANY_NAME, companyNameZh: this.config.COMPANY_NAME_ZH },
    );
    return { number: order.number, pdf };
  }

  /** The printable invoice (issue 16 item 7, R7.2): 404 while finance has issued none for the order. */
  async invoicePdf(orderId: string): Promise<{ number: string; pdf: Buffer }> {
    const order = await this.orders.find(orderId);
    const list = toSettlementView(await this.find(this.dataSource.manager, orderId));
    const invoice = list.invoice;
    if (!invoice) throw new NotFoundProblem(`order ${orderId} has no invoice yet`);
    const customer = await this.dataSource.getRepository(Customer).findOneBy({ id: order.customerId });
    const pdf = await renderInvoiceDocument(
      { orderNumber: order.number, customerName: customer?.name ?? order.customerId, list: { ...list, invoice } },
      { companyName: this.config.COMPANY_NAME, companyNameZh: this.config.COMPANY_NAME_ZH, bankReference: this.config.INVOICE_BANK_REFERENCE },
    );
    return { number: invoice.number, pdf };
  }

  /** Finance sent the list back (R7.2): DRAFT again with the comment, unless it decided an older submission. */
  async applyRejected(m: EntityManager, p: FinanceSettlementRejected): Promise<void> {
    await this.orders.lock(m, p.orderId);
    const list = await m.findOneBy(Settlement, { orderId: p.orderId });
    if (!list || list.revision !== p.revision || list.status !== 'SUBMITTED') return;
    Object.assign(list, {
      status: 'DRAFT',
      review: { decision: 'REJECT', comment: p.comment, reviewedBy: p.rejectedBy, reviewedAt: p.rejectedAt, revision: p.revision },
      version: list.version + 1,
    });
    await m.save(list);
    await this.audit.record(m, { action: 'settlement.rejected', entityType: 'settlement', entityId: list.id, orderId: p.orderId, reason: `rejected by ${p.rejectedBy}: ${p.comment}`, after: toSettlementView(list) });
  }

  /** Finance issued the invoice: the list is APPROVED and the order INVOICED. */
  async applyInvoiceIssued(m: EntityManager, p: FinanceInvoiceIssued): Promise<void> {
    await this.orders.lock(m, p.orderId);
    const list = await m.findOneBy(Settlement, { orderId: p.orderId });
    if (!list) throw new Error(`finance invoiced order ${p.orderId}, which has no settlement list in sales`);
    Object.assign(list, {
      status: 'APPROVED',
      review: { decision: 'APPROVE', comment: p.comment, reviewedBy: p.approvedBy, reviewedAt: p.issuedAt, revision: p.revision },
      invoice: { invoiceId: p.invoiceId, number: p.number, amount: p.amount, currency: p.currency, issuedAt: p.issuedAt, dueDate: p.dueDate },
      version: list.version + 1,
    });
    await m.save(list);
    await this.advance(m, list);
  }

  /** Finance recorded a payment: the invoice's outstanding amount as finance derived it (waits for the invoice itself). */
  async applyPaymentRecorded(m: EntityManager, p: FinancePaymentRecorded): Promise<void> {
    await this.orders.lock(m, p.orderId);
    const list = await m.findOneBy(Settlement, { orderId: p.orderId });
    if (!list?.invoice || list.invoice.invoiceId !== p.invoiceId) throw new NotYetApplicable(`sales has not heard of invoice ${p.invoiceNumber} yet`);
    list.invoice = { ...list.invoice, outstanding: p.outstanding };
    list.version += 1;
    await m.save(list);
  }

  /** Finance reports the invoice paid in full: the order SETTLED (once it is INVOICED: the two events may cross). */
  async applyInvoiceSettled(m: EntityManager, p: FinanceInvoiceSettled): Promise<void> {
    await this.orders.lock(m, p.orderId);
    const list = await m.findOneBy(Settlement, { orderId: p.orderId });
    if (!list) throw new Error(`finance settled order ${p.orderId}, which has no settlement list in sales`);
    list.paidAt = new Date(p.settledAt);
    list.version += 1;
    await m.save(list);
    await this.advance(m, list);
  }

  /** The moves the list now allows, each once: INVOICED when it has its invoice, SETTLED when that is paid. */
  private async advance(m: EntityManager, list: Settlement): Promise<void> {
    let order = await this.orders.load(m, list.orderId);
    if (list.invoice && canTake(order.status, 'invoice')) {
      const invoice = list.invoice;
      order = await this.lifecycle.transition(m, list.orderId, {
        action: 'invoice',
        audit: 'order.invoiced',
        reason: `invoice ${invoice.number} issued: ${invoice.amount} ${invoice.currency} due ${invoice.dueDate}`,
        detail: () => ({ invoice }),
      });
    }
    if (list.invoice && list.paidAt && canTake(order.status, 'settle')) {
      const invoice = list.invoice;
      await this.lifecycle.transition(m, list.orderId, {
        action: 'settle',
        audit: 'order.settled',
        reason: `invoice ${invoice.number} paid in full (${invoice.amount} ${invoice.currency}), last payment ${list.paidAt.toISOString()}`,
        detail: () => ({ invoice, paidAt: list.paidAt?.toISOString() }),
      });
    }
  }

  private async find(m: EntityManager, orderId: string): Promise<Settlement> {
    const list = await m.findOneBy(Settlement, { orderId });
    if (!list) throw new NotFoundProblem(`order ${orderId} has no settlement list yet`);
    return list;
  }

  private assertAllows(list: Settlement, action: SettlementAction): void {
    if (!settlementAllows(list.status, action)) {
      throw new ConflictProblem(`cannot ${action} a settlement list in status ${list.status}`, { currentStatus: list.status, action });
    }
  }

  private async catalogNames(m: EntityManager, order: Order): Promise<Map<string, string>> {
    const codes = order.lines.map((l) => l.productCode).filter((c): c is string => c !== null);
    if (codes.length === 0) return new Map();
    const products = await m.findBy(CatalogProduct, { code: In(codes) });
    return new Map(products.map((p) => [p.code, p.name]));
  }
}
