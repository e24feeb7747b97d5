import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import { DEPARTMENT_SERVICES, OrderIssueAcknowledged, SalesOrderIssuedV1 } from '@opm/contracts';
import { AuditLog, BusinessRuleProblem, ConflictProblem, NotFoundProblem, NotYetApplicable, Outbox, PeriodicJob, Principal, ProblemException } from '@opm/platform';
import { SALES_CONFIG, SalesConfig } from '../config/sales-config';
import { Customer } from '../customers/customer.entity';
import { documentFingerprint, readVerificationCode } from '../documents/document-fingerprint';
import { renderOrderDocument } from '../documents/order-document';
import type { OrderDocumentData } from '../documents/order-document-data';
import { OrderMailer, OrderMailError } from '../documents/order-mailer';
import { ORDER_MAILER } from '../documents/order-mailer.provider';
import { OrderFacts } from '../lifecycle/order-facts';
import { type OrderChanged, OrderLifecycle } from '../lifecycle/order-lifecycle.service';
import { isIssuedOrLater } from '../lifecycle/order-state-machine';
import { orderSnapshot, toOrderView } from '../lifecycle/order-view';
import { Order } from '../lifecycle/order.entity';
import { OrderRepository } from '../lifecycle/order.repository';
import { CustomerConfirmationDto } from './dto/customer-confirmation.dto';
import { progressText } from './progress-text';
import {
  CustomerConfirmationsView,
  CustomerConfirmationView,
  DocumentVerificationView,
  IssuanceView,
  IssuedOrderView,
  toCustomerConfirmationView,
  toIssuanceView,
} from './issuance-view';
import { CustomerConfirmation, IssueAcknowledgement, Issuance } from './issuance.entity';


/**
 * Signing and issuing (R4.2), the printable order (R4.3), the departments' acknowledgements and their
 * escalation, and the customer's confirmation (R4.4). Issuing is refused unless the order is APPROVED and its
 * current chain fully approved, whatever a client sends, here in the service.
 */
@Injectable()
export class IssuanceService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly acknowledgementScan: PeriodicJob;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrderRepository,
    private readonly facts: OrderFacts,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
    @Optional() @Inject(ORDER_MAILER) private readonly mailer: OrderMailer | null,
  ) {
    this.acknowledgementScan = new PeriodicJob('missing acknowledgement scan', config.ISSUE_ACK_SCAN_MS, () => this.escalateMissingAcknowledgements());
  }

  onModuleInit(): void {
    // Tracking shows each department's acknowledgement as an item due by this time (R6.4).
    this.facts.provide('issueAcknowledgement', async (m, orderId) => {
      const issuance = await m.findOneBy(Issuance, { orderId });
      if (!issuance) return null;
      const acks = await m.findBy(IssueAcknowledgement, { orderId });
      return { acknowledgeBy: issuance.acknowledgeBy.toISOString(), acknowledged: acks.map((a) => a.department) };
    });
    this.lifecycle.onChanged((m, changed) => this.reissue(m, changed));
  }

  /**
   * An applied change (R8.3) re-issues an issued order: the document of the new version, under the original
   * signature, with a new verification code; the old code no longer verifies. Before issuing there is nothing to
   * re-issue: the order is issued later as it then is.
   */
  private async reissue(m: EntityManager, changed: OrderChanged): Promise<void> {
    const issuance = await m.findOne(Issuance, { where: { orderId: changed.order.id }, lock: { mode: 'pessimistic_write' } });
    if (!issuance) return;
    const data = await this.documentData(m, changed.order, { signedBy: issuance.signedBy, signedAt: issuance.signedAt.toISOString() });
    data.issueDate = changed.at.toISOString().slice(0, 10);
    const hash = documentFingerprint(data);
    await m.update(Issuance, { orderId: changed.order.id }, { documentHash: hash, document: { ...data, verificationCode: hash } });
    await this.audit.record(m, {
      action: 'order.reissued',
      entityType: 'order',
      entityId: changed.order.id,
      orderId: changed.order.id,
      reason: `version ${changed.documentVersion} after change request ${changed.requestId}`,
      before: { documentHash: issuance.documentHash },
      after: { documentHash: hash, version: changed.documentVersion },
    });
  }

  onApplicationBootstrap(): void {
    this.acknowledgementScan.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.acknowledgementScan.stop();
  }

  /** Signs and issues (R4.2): the approvals stage's condition (a complete chain) is checked by the transition. */
  async issue(orderId: string, signer: Principal, ifMatch: number | undefined): Promise<IssuedOrderView> {
    return this.dataSource.transaction(async (m) => {
      const signedAt = new Date();
      const acknowledgeBy = new Date(signedAt.getTime() + this.config.ISSUE_ACK_DUE_SECONDS * 1000);
      let hash = '';
      const order = await this.lifecycle.transition(m, orderId, {
        action: 'issue',
        ifMatch,
        audit: 'order.issued',
        reason: `signed by ${signer.username}`,
        effects: async (issued) => {
          const data = await this.documentData(m, issued, { signedBy: signer.username, signedAt: signedAt.toISOString() });
          hash = documentFingerprint(data);
          await m.insert(Issuance, { orderId, signedBy: signer.username, signedAt, documentHash: hash, document: { ...data, verificationCode: hash }, acknowledgeBy, escalatedAt: null });
          await this.outbox.publish(m, SalesOrderIssuedV1, { orderId }, {
            orderId,
            number: issued.number,
            issuedAt: signedAt.toISOString(),
            signedBy: signer.username,
            documentHash: hash,
            acknowledgeBy: acknowledgeBy.toISOString(),
            order: orderSnapshot(toOrderView(issued)),
          });
        },
        detail: () => ({ documentHash: hash }),
      });
      const issuance = await this.issuanceView(m, orderId);
      // Inserted by the effects above, in this transaction.
      if (!issuance) throw new Error(`order ${orderId} was issued without an issuance row`);
      return { status: order.status, ...issuance };
    });
  }

  async issuance(orderId: string): Promise<IssuanceView> {
    const view = await this.issuanceView(this.dataSource.manager, orderId);
    if (!view) throw new NotFoundProblem(`order ${orderId} has not been issued`);
    return view;
  }

  /** The printable order: as issued (signed, sealed, with its code), or a draft of the current state. */
  async pdf(orderId: string): Promise<{ number: string; pdf: Buffer; issued: boolean }> {
    const m = this.dataSource.manager;
    const order = await this.orders.find(orderId, m);
    const issuance = await m.findOneBy(Issuance, { orderId });
    let data: OrderDocumentData;
    if (issuance) {
      data = { ...issuance.document, status: order.status };
    } else {
      const draft = await this.documentData(m, order, null);
      data = { ...draft, verificationCode: documentFingerprint(draft) };
    }
    const pdf = await renderOrderDocument(data, { companyName: this.config.COMPANY_NAME, companyNameZh: this.config.COMPANY_NAME_ZH });
    return { number: order.number, pdf, issued: issuance !== null };
  }

  /** Does a code (printed on a paper, or in a PDF's metadata) match the issued version? */
  async verify(orderId: string, presented: { verificationCode?: string; pdf?: Buffer }): Promise<DocumentVerificationView> {
    const issuance = await this.dataSource.getRepository(Issuance).findOneBy({ orderId });
    if (!issuance) throw new ConflictProblem(`order ${orderId} has not been issued: there is nothing to verify against`);
    const code = presented.verificationCode?.toLowerCase() ?? (presented.pdf ? readVerificationCode(presented.pdf) : null);
    if (!code) {
      throw new BusinessRuleProblem('the PDF carries no verification code in its metadata; give the code printed on it', {
        errors: [{ field: 'body', message: 'no verification code found' }],
      });
    }
    return {
      matches: code === issuance.documentHash,
      presentedCode: code,
      issuedCode: issuance.documentHash,
      orderNumber: issuance.document.orderNumber,
      signedBy: issuance.signedBy,
      signedAt: issuance.signedAt.toISOString(),
    };
  }

  async applyAcknowledgement(m: EntityManager, ack: OrderIssueAcknowledged): Promise<void> {
    if (!(await m.existsBy(Issuance, { orderId: ack.orderId }))) throw new NotYetApplicable(`order ${ack.orderId} has no issuance here yet`);
    await m
      .createQueryBuilder()
      .insert()
      .into(IssueAcknowledgement)
      .values({ orderId: ack.orderId, department: ack.department, documentHash: ack.documentHash, acknowledgedAt: new Date(ack.acknowledgedAt) })
      .orIgnore()
      .execute();
    await this.audit.record(m, { action: 'order.acknowledged', entityType: 'order', entityId: ack.orderId, orderId: ack.orderId, reason: `${ack.department} recorded the issued order` });
  }

  /** Issued orders whose acknowledgements are past due: escalated once, visibly (R4.3). */
  async escalateMissingAcknowledgements(): Promise<number> {
    const due = await this.dataSource.getRepository(Issuance).find({ where: { escalatedAt: IsNull(), acknowledgeBy: LessThan(new Date()) }, take: 50 });
    let escalated = 0;
    for (const candidate of due) {
      escalated += await this.dataSource.transaction(async (m) => {
        const [row] = await m.query(`SELECT "orderId" FROM sales_issuance WHERE "orderId" = $1 AND "escalatedAt" IS NULL FOR UPDATE SKIP LOCKED`, [candidate.orderId]);
        if (!row) return 0;
        const acked = (await m.findBy(IssueAcknowledgement, { orderId: candidate.orderId })).map((a) => a.department);
        const missing = DEPARTMENT_SERVICES.filter((d) => !acked.includes(d));
        if (missing.length === 0) return 0;
        await m.update(Issuance, { orderId: candidate.orderId }, { escalatedAt: new Date() });
        await this.audit.record(m, {
          action: 'order.acknowledgement-overdue',
          entityType: 'order',
          entityId: candidate.orderId,
          orderId: candidate.orderId,
          reason: `not acknowledged by ${missing.join(', ')} by ${candidate.acknowledgeBy.toISOString()}; escalated to the sales head`,
        });
        return 1;
      });
    }
    return escalated;
  }

  /** R4.4: sales records the customer's confirmation; optionally the order is e-mailed first (nothing is recorded if that fails). */
  async confirm(orderId: string, dto: CustomerConfirmationDto, principal: Principal): Promise<CustomerConfirmationView> {
    const order = await this.orders.find(orderId);
    if (!isIssuedOrLater(order.status)) {
      throw new ConflictProblem(`cannot record a customer confirmation for an order in status ${order.status}: issue it first`, {
        currentStatus: order.status,
        action: 'confirmWithCustomer',
      });
    }
    let emailedTo: string | null = null;
    let messageId: string | null = null;
    const progress = progressText(await this.facts.read(this.dataSource.manager, 'progress', orderId));
    if (dto.sendEmail) {
      if (!this.mailer) {
        throw new BusinessRuleProblem('e-mail is not configured (SMTP_URL)', { errors: [{ field: 'sendEmail', message: 'no SMTP server configured' }] });
      }
      const customer = await this.dataSource.getRepository(Customer).findOneBy({ id: order.customerId });
      const to = dto.email ?? customer?.email ?? null;
      if (!to) throw new BusinessRuleProblem('the customer has no e-mail address; give one', { errors: [{ field: 'email', message: 'required to send' }] });
      const { pdf } = await this.pdf(orderId);
      try {
        const sent = await this.mailer.sendOrderDocument({
          to,
          toName: dto.confirmedBy,
          orderNumber: order.number,
          pdf,
          expectedDeliveryDate: dto.expectedDeliveryDate,
          progress,
        });
        emailedTo = to;
        messageId = sent.messageId;
      } catch (err) {
        if (err instanceof OrderMailError) throw new ProblemException(502, err.message);
        throw err;
      }
    }
    return this.dataSource.transaction(async (m) => {
      const confirmation = await m.save(
        m.create(CustomerConfirmation, {
          id: randomUUID(),
          orderId,
          confirmedBy: dto.confirmedBy,
          channel: dto.channel,
          confirmedAt: new Date(dto.confirmedAt),
          expectedDeliveryDate: dto.expectedDeliveryDate,
          note: dto.note ?? null,
          recordedBy: principal.username,
          emailedTo,
          emailMessageId: messageId,
          progress,
        }),
      );
      await this.audit.record(m, {
        action: 'order.customer-confirmed',
        entityType: 'order',
        entityId: orderId,
        orderId,
        reason: `${dto.confirmedBy} by ${dto.channel}; expected delivery ${dto.expectedDeliveryDate}${emailedTo ? `; order e-mailed to ${emailedTo}` : ''}`,
        after: confirmation,
      });
      return toCustomerConfirmationView(confirmation);
    });
  }

  async confirmations(orderId: string): Promise<CustomerConfirmationsView> {
    const items = await this.dataSource.getRepository(CustomerConfirmation).find({ where: { orderId }, order: { createdAt: 'ASC' } });
    return { items: items.map(toCustomerConfirmationView) };
  }

  private async issuanceView(m: EntityManager, orderId: string): Promise<IssuanceView | null> {
    const issuance = await m.findOneBy(Issuance, { orderId });
    if (!issuance) return null;
    const acks = await m.find(IssueAcknowledgement, { where: { orderId }, order: { acknowledgedAt: 'ASC' } });
    return toIssuanceView(issuance, acks, new Date());
  }

  private async documentData(m: EntityManager, order: Order, signature: OrderDocumentData['signature']): Promise<Omit<OrderDocumentData, 'verificationCode'> & { verificationCode: string }> {
    const customer = await m.findOneBy(Customer, { id: order.customerId });
    const view = toOrderView(order);
    const approvals = await this.facts.read(m, 'approvalTrail', order.id);
    const version = await this.facts.read(m, 'orderVersion', order.id);
    return {
      orderId: order.id,
      orderNumber: order.number,
      status: order.status,
      issueDate: (signature?.signedAt ?? new Date().toISOString()).slice(0, 10),
      customer: {
        name: customer?.name ?? order.customerId,
        contactPerson: order.contactPerson,
        phone: order.contactPhone,
        address: customer?.address ?? null,
      },
      lines: view.lines,
      currency: order.currency,
      totalAmount: order.totalAmount,
      deliveryDate: order.deliveryDate,
      deliveryPlace: order.deliveryPlace,
      paymentTerms: order.paymentTerms,
      specialRequirements: order.specialRequirements,
      approvals,
      signature,
      // Only a changed order carries its version, so documents of unchanged orders keep their fingerprints.
      ...(version > 1 ? { version } : {}),
      verificationCode: '',
    };
  }
}
