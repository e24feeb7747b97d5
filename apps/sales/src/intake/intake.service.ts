import { BadRequestException, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { isoDay, SalesOrderDetailsChangedV1, sumMoney } from '@opm/contracts';
import { AuditLog, BusinessRuleProblem, ConflictProblem, inTransaction, Outbox, requestContext } from '@opm/platform';
import { CatalogProduct } from '../catalog/catalog-product.entity';
import { SALES_CONFIG, SalesConfig } from '../config/sales-config';
import { CustomerCredit } from '../customers/customer-credit.entity';
import type { CreateOrderDto } from '../lifecycle/dto/create-order.dto';
import type { UpdateOrderDto } from '../lifecycle/dto/update-order.dto';
import { applyDetails, buildLines, changedFields, detailsChanged, specialRequirementsOf } from '../lifecycle/order-details';
import { OrderEntered, OrderLifecycle } from '../lifecycle/order-lifecycle.service';
import { OrderView, toOrderView } from '../lifecycle/order-view';
import { Order } from '../lifecycle/order.entity';
import { OrderRepository } from '../lifecycle/order.repository';
import type { EscalationDecisionDto } from './dto/escalation-decision.dto';
import { Lead } from './leads/lead.entity';
import { OrderDates, orderDateProblems } from './order-dates';
import { runPreliminaryReview } from './preliminary-review';
import { PreliminaryReviewRun } from './preliminary-review.entity';

const fieldError = (field: string, message: string) => ({ errors: [{ field, message }] });

/** 400 naming every date outside the order's window (`order-dates.ts`). */
function refuseDatesOutOfWindow(dates: OrderDates): void {
  const errors = orderDateProblems(dates, isoDay(new Date()));
  if (errors.length) throw new BadRequestException({ detail: `Invalid request: ${[...new Set(errors.map((e) => e.field))].join(', ')}`, errors });
}

/**
 * Intake (R2): recording an order (from a call, a lead...), the preliminary review whenever an order enters
 * RECEIVED, the customer's missing information, and a leader's decision on an escalation.
 */
@Injectable()
export class IntakeService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrderRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
  ) {}

  onModuleInit(): void {
    // Recorded, or back from AWAITING_INFO: the preliminary review runs (R2.4, R2.5).
    this.lifecycle.onEnter('RECEIVED', (m, entered) => this.preliminaryReview(m, entered));
  }

  async create(dto: CreateOrderDto): Promise<OrderView> {
    return inTransaction(this.dataSource, (m) => this.record(m, dto));
  }

  /**
   * Records an order (R2.1-R2.3) in the caller's transaction; the preliminary review follows at once (R2.4).
   * Orders of one customer are recorded one at a time (its row is locked), so two concurrent orders cannot
   * both use the same remaining credit. Every create, a lead's conversion included, takes its rows in one
   * order (architecture.md "Lock order"): the customer, then the number counter, then the lead; audit entries
   * take no lock (issue 11), so concurrent creates and conversions queue and never deadlock.
   */
  async record(m: EntityManager, dto: CreateOrderDto & { leadId?: string | null }): Promise<OrderView> {
    refuseDatesOutOfWindow(dto);
    const [customer] = await m.query(`SELECT id FROM sales_customer WHERE id = $1 FOR UPDATE`, [dto.customerId]);
    if (!customer) {
      throw new BusinessRuleProblem(`customer ${dto.customerId} is not registered`, fieldError('customerId', 'no such customer'));
    }
    const id = randomUUID();
    const number = await this.nextNumber(m, dto.orderDate);
    if (dto.leadId) await this.convertLead(m, dto.leadId, id);
    const lines = buildLines(m, id, dto.lines);
    const order = m.create(Order, {
      id,
      number,
      status: 'RECEIVED',
      channel: dto.channel,
      leadId: dto.leadId ?? null,
      customerId: dto.customerId,
      contactPerson: dto.contactPerson ?? null,
      contactPhone: dto.contactPhone ?? null,
      orderDate: dto.orderDate,
      deliveryDate: dto.deliveryDate ?? null,
      deliveryPlace: dto.deliveryPlace ?? null,
      paymentTerms: dto.paymentTerms ?? null,
      currency: dto.currency,
      totalAmount: sumMoney(lines.map((l) => l.amount)),
      specialRequirements: specialRequirementsOf(dto.specialRequirements),
      createdBy: requestContext.get()?.actor?.username ?? null,
      complex: dto.complex ?? false,
      preliminaryReview: null,
      escalation: null,
      pendingChange: null,
      lines,
    });
    return toOrderView(await this.lifecycle.create(m, order));
  }

  /** PATCH while AWAITING_INFO (R2.5): the supplied items are stored and the preliminary review runs again. */
  async supplyInfo(id: string, dto: UpdateOrderDto, ifMatch: number | undefined): Promise<OrderView> {
    const fields = changedFields(dto, 'supply at least one field');
    return this.dataSource.transaction(async (m) => {
      const order = await this.lifecycle.transition(m, id, {
        action: 'supplyInfo',
        ifMatch,
        audit: 'order.info-supplied',
        reason: `supplied: ${fields.join(', ')}`,
        change: (o) => {
          if (dto.deliveryDate != null) refuseDatesOutOfWindow({ orderDate: o.orderDate, deliveryDate: dto.deliveryDate });
          applyDetails(o, dto);
        },
        effects: (o) => this.outbox.publish(m, SalesOrderDetailsChangedV1, { orderId: o.id }, detailsChanged(o)).then(() => undefined),
      });
      return toOrderView(order);
    });
  }

  /** A leader accepts (-> department review) or rejects an escalated order, with a reason (R2.6). */
  async decideEscalation(id: string, dto: EscalationDecisionDto, ifMatch: number | undefined): Promise<OrderView> {
    return this.dataSource.transaction(async (m) => {
      const order = await this.lifecycle.transition(m, id, {
        action: dto.decision === 'ACCEPT' ? 'acceptEscalation' : 'rejectEscalation',
        ifMatch,
        audit: dto.decision === 'ACCEPT' ? 'order.escalation-accepted' : 'order.escalation-rejected',
        reason: dto.reason,
        change: (o) => {
          o.escalation = {
            reasons: o.escalation?.reasons ?? [],
            escalatedAt: o.escalation?.escalatedAt ?? new Date().toISOString(),
            decision: dto.decision,
            reason: dto.reason,
            decidedBy: requestContext.get()?.actor?.username ?? null,
            decidedAt: new Date().toISOString(),
          };
        },
      });
      return toOrderView(order);
    });
  }

  /**
   * Finance's credit standing of a customer reached sales: every order of the customer that waits for it is
   * reviewed again, in the same transaction. The customer row is locked first, as a create does, so an order
   * recorded concurrently is either seen here or sees the new standing itself.
   */
  async creditArrived(m: EntityManager, customerId: string): Promise<void> {
    await m.query(`SELECT id FROM sales_customer WHERE id = $1 FOR UPDATE`, [customerId]);
    for (const id of await this.orders.idsOf(m, customerId, 'RECEIVED')) {
      const order = await this.orders.lock(m, id);
      if (order.status === 'RECEIVED' && order.preliminaryReview?.outcome === 'PENDING') await this.review(m, order, false);
    }
  }

  /** Orders that waited longer than INTAKE_CREDIT_WAIT_SECONDS for a credit standing: the check now fails (R2.4, R2.6). */
  async endOverdueCreditWaits(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.INTAKE_CREDIT_WAIT_SECONDS * 1000).toISOString();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM sales_order WHERE status = 'RECEIVED' AND "preliminaryReview"->>'outcome' = 'PENDING'
         AND ("preliminaryReview"->>'waitingSince')::timestamptz <= $1 ORDER BY "createdAt" LIMIT 50`,
      [cutoff],
    );
    let ended = 0;
    for (const { id } of rows) {
      ended += await this.dataSource.transaction(async (m) => {
        const order = await this.orders.lock(m, id);
        if (order.status !== 'RECEIVED' || order.preliminaryReview?.outcome !== 'PENDING') return 0;
        await this.review(m, order, true);
        return 1;
      });
    }
    return ended;
  }

  private preliminaryReview(m: EntityManager, entered: OrderEntered): Promise<void> {
    return this.review(m, entered.order, false);
  }

  /**
   * R2.4-R2.6 on an order in RECEIVED: stores the result (and its history) and moves the order on; while a
   * check is pending the order stays RECEIVED, the run is kept, and it runs again when it can be decided.
   */
  private async review(m: EntityManager, order: Order, creditWaitOver: boolean): Promise<void> {
    const credit = await m.findOneBy(CustomerCredit, { customerId: order.customerId });
    const codes = order.lines.map((l) => l.productCode).filter((c): c is string => c !== null);
    const products = codes.length ? await m.findBy(CatalogProduct, { code: In(codes) }) : [];
    const result = runPreliminaryReview(order, {
      credit,
      otherOpenOrdersAmount: await this.orders.openAmountOf(m, order.customerId, order.id),
      catalog: new Map(products.map((p) => [p.code, p])),
      today: new Date().toISOString().slice(0, 10),
      creditWaitOver,
      waitingSince: order.preliminaryReview?.waitingSince ?? null,
    });
    const run = { orderId: order.id, ranAt: new Date(result.ranAt), outcome: result.outcome, checks: result.checks, missing: result.missing };
    if (result.outcome === 'PENDING') {
      const pending = result.checks.filter((c) => c.result === 'PENDING').flatMap((c) => c.reasons.map((r) => `${c.check}: ${r}`));
      const before = { status: order.status, preliminaryReview: order.preliminaryReview };
      order.preliminaryReview = result;
      await m.save(order);
      await m.insert(PreliminaryReviewRun, run);
      await this.audit.record(m, {
        action: 'order.preliminary-review',
        entityType: 'order',
        entityId: order.id,
        orderId: order.id,
        reason: `PENDING: ${pending.join('; ')}`,
        before,
        after: { status: order.status, preliminaryReview: result },
      });
      return;
    }
    await this.lifecycle.transition(m, order.id, {
      action: result.outcome === 'AWAITING_INFO' ? 'awaitInfo' : result.outcome === 'ESCALATED' ? 'escalate' : 'startReview',
      audit: 'order.preliminary-review',
      reason: result.outcome,
      change: (o) => {
        o.preliminaryReview = result;
        o.escalation =
          result.outcome === 'ESCALATED'
            ? {
                reasons: result.checks.filter((c) => c.result === 'FAIL').flatMap((c) => c.reasons.map((r) => `${c.check}: ${r}`)),
                escalatedAt: result.ranAt,
                decision: null,
                reason: null,
                decidedBy: null,
                decidedAt: null,
              }
            : null;
      },
      effects: async () => {
        await m.insert(PreliminaryReviewRun, run);
      },
    });
  }

  /** Lead -> order (R2.1): once; the lead row is locked so two conversions cannot both pass. */
  private async convertLead(m: EntityManager, leadId: string, orderId: string): Promise<void> {
    const lead = await m.findOne(Lead, { where: { id: leadId }, lock: { mode: 'pessimistic_write' } });
    if (!lead) throw new BusinessRuleProblem(`lead ${leadId} does not exist`, fieldError('leadId', 'no such lead'));
    if (lead.status === 'CONVERTED') {
      throw new ConflictProblem(`lead ${leadId} was already converted into order ${lead.convertedOrderId}`, { convertedOrderId: lead.convertedOrderId });
    }
    const before = { ...lead };
    lead.status = 'CONVERTED';
    lead.convertedOrderId = orderId;
    await m.save(lead);
    await this.audit.record(m, { action: 'lead.converted', entityType: 'lead', entityId: leadId, orderId, before, after: lead });
  }

  /** SO-<year>-<seq>: the counter row is locked by this transaction, so numbers are unique and gap-free. */
  private async nextNumber(m: EntityManager, orderDate: string): Promise<string> {
    const year = Number(orderDate.slice(0, 4));
    const [{ last_value }] = await m.query(
      `INSERT INTO sales_order_number (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = sales_order_number.last_value + 1
       RETURNING last_value`,
      [year],
    );
    return `SO-${year}-${String(last_value).padStart(6, '0')}`;
  }
}
