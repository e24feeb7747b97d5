import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  multiplyMoney,
  SalesOrderDetailsChangedV1,
  SalesOrderReceivedV1,
  SpecialRequirements,
  sumMoney,
} from '@opm/contracts';
import { assertVersion, AuditLog, BusinessRuleProblem, ConflictProblem, NotFoundProblem, Outbox, requestContext } from '@opm/platform';
import { CatalogProduct } from '../catalog/catalog-product.entity';
import { CustomerCredit } from '../customers/customer-credit.entity';
import { Lead } from '../leads/lead.entity';
import { CreateOrderDto, SpecialRequirementsDto } from './dto/create-order.dto';
import { EscalationDecisionDto } from './dto/escalation-decision.dto';
import { UpdateOrderDto } from './dto/update-order.dto';
import { OrderLine } from './order-line.entity';
import { nextStatus } from './order-state-machine';
import { orderSnapshot, OrderView, toOrderView } from './order-view';
import { Order } from './order.entity';
import { runPreliminaryReview } from './preliminary-review';
import { PreliminaryReviewRun } from './preliminary-review.entity';
import { ReviewService } from '../review/review.service';
import { ReviseOrderDto } from '../review/dto/revise-order.dto';

export interface OrderListQuery {
  status?: string;
  customerId?: string;
  page: number;
  pageSize: number;
}

/** Statuses in which an order still counts against the customer's credit. */
const CLOSED_STATUSES = ['REJECTED', 'CANCELLED', 'SETTLED', 'ARCHIVED'];

const fieldError = (field: string, message: string) => ({ errors: [{ field, message }] });

/** Special requirements as stored: every flag present, null when not asked for (R2.3). */
function specialRequirementsOf(sr: SpecialRequirementsDto | null | undefined): SpecialRequirements {
  return { customization: sr?.customization ?? null, packaging: sr?.packaging ?? null, transportMode: sr?.transportMode ?? null, other: sr?.other ?? null };
}

/** The fields a change names; none is a 400. */
function changedFields(changes: object, detail: string): string[] {
  const fields = Object.entries(changes)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  if (fields.length === 0) throw new BadRequestException({ detail, errors: [{ field: 'body', message: 'no field to change' }] });
  return fields;
}

/** The order details that supplying information (R2.5) and revising (R3.7) may change. */
function applyDetails(order: Order, changes: UpdateOrderDto): void {
  if (changes.contactPerson !== undefined) order.contactPerson = changes.contactPerson;
  if (changes.contactPhone !== undefined) order.contactPhone = changes.contactPhone;
  if (changes.deliveryDate !== undefined) order.deliveryDate = changes.deliveryDate;
  if (changes.deliveryPlace !== undefined) order.deliveryPlace = changes.deliveryPlace;
  if (changes.paymentTerms !== undefined) order.paymentTerms = changes.paymentTerms;
  if (changes.specialRequirements !== undefined) order.specialRequirements = specialRequirementsOf(changes.specialRequirements);
}

@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly review: ReviewService,
  ) {}

  async create(dto: CreateOrderDto): Promise<OrderView> {
    return this.dataSource.transaction((m) => this.record(m, dto));
  }

  /**
   * Records an order (R2.1-R2.3), tells every department (N2), and runs the preliminary review at once
   * (R2.4), all in the caller's transaction. Orders of one customer are recorded one at a time, so two
   * concurrent orders cannot both use the same remaining credit.
   */
  async record(m: EntityManager, dto: CreateOrderDto): Promise<OrderView> {
    const [customer] = await m.query(`SELECT id FROM sales_customer WHERE id = $1 FOR UPDATE`, [dto.customerId]);
    if (!customer) {
      throw new BusinessRuleProblem(`customer ${dto.customerId} is not registered`, fieldError('customerId', 'no such customer'));
    }
    const id = randomUUID();
    if (dto.leadId) await this.convertLead(m, dto.leadId, id);
    const lines = this.buildLines(m, id, dto.lines);
    await m.save(
      m.create(Order, {
        id,
        number: await this.nextNumber(m, dto.orderDate),
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
        lines,
      }),
    );
    const order = await this.load(m, id);
    const recorded = toOrderView(order);
    await this.outbox.publish(m, SalesOrderReceivedV1, { orderId: id }, orderSnapshot(recorded));
    await this.audit.record(m, { action: 'order.recorded', entityType: 'order', entityId: id, orderId: id, after: recorded });
    return this.preliminaryReview(m, order);
  }

  /** PATCH while AWAITING_INFO (R2.5): the supplied items are stored and the preliminary review runs again. */
  async supplyInfo(id: string, dto: UpdateOrderDto, ifMatch: number | undefined): Promise<OrderView> {
    const fields = changedFields(dto, 'supply at least one field');
    return this.dataSource.transaction(async (m) => {
      const order = await this.lockAndLoad(m, id);
      assertVersion(`order ${order.number}`, order.version, ifMatch);
      order.status = nextStatus(order.status, 'supplyInfo');
      const before = toOrderView(order);
      applyDetails(order, dto);
      await m.save(order);
      await this.publishDetailsChanged(m, order);
      await this.audit.record(m, {
        action: 'order.info-supplied',
        entityType: 'order',
        entityId: id,
        orderId: id,
        reason: `supplied: ${fields.join(', ')}`,
        before,
        after: toOrderView(order),
      });
      return this.preliminaryReview(m, await this.load(m, id));
    });
  }

  /**
   * After a failed review (or a rejected approval) sales negotiates with the customer, revises the order and
   * sends it to review again: a new round, earlier rounds kept (R3.7, R3.8).
   */
  async revise(id: string, dto: ReviseOrderDto, ifMatch: number | undefined): Promise<OrderView> {
    const { reason, ...changes } = dto;
    changedFields(changes, 'a revision changes at least one field');
    return this.dataSource.transaction(async (m) => {
      const order = await this.lockAndLoad(m, id);
      assertVersion(`order ${order.number}`, order.version, ifMatch);
      const before = toOrderView(order);
      order.status = nextStatus(order.status, 'revise');
      applyDetails(order, changes);
      if (changes.complex !== undefined) order.complex = changes.complex;
      if (changes.lines !== undefined) {
        await m.delete(OrderLine, { orderId: id });
        order.lines = this.buildLines(m, id, changes.lines);
        await m.insert(OrderLine, order.lines);
        order.totalAmount = sumMoney(order.lines.map((l) => l.amount));
      }
      await m.save(order);
      const revised = await this.load(m, id);
      await this.publishDetailsChanged(m, revised);
      await this.review.openRound(m, revised, { reason, by: requestContext.get()?.actor?.username ?? null, at: new Date().toISOString() });
      const after = toOrderView(await this.load(m, id));
      await this.audit.record(m, { action: 'order.revised', entityType: 'order', entityId: id, orderId: id, reason, before, after });
      return after;
    });
  }

  /** A leader accepts (-> department review) or rejects an escalated order, with a reason (R2.6). */
  async decideEscalation(id: string, dto: EscalationDecisionDto, ifMatch: number | undefined): Promise<OrderView> {
    return this.dataSource.transaction(async (m) => {
      const order = await this.lockAndLoad(m, id);
      assertVersion(`order ${order.number}`, order.version, ifMatch);
      const before = toOrderView(order);
      order.status = nextStatus(order.status, dto.decision === 'ACCEPT' ? 'acceptEscalation' : 'rejectEscalation');
      order.escalation = {
        reasons: order.escalation?.reasons ?? [],
        escalatedAt: order.escalation?.escalatedAt ?? new Date().toISOString(),
        decision: dto.decision,
        reason: dto.reason,
        decidedBy: requestContext.get()?.actor?.username ?? null,
        decidedAt: new Date().toISOString(),
      };
      await m.save(order);
      if (order.status === 'UNDER_REVIEW') await this.review.openRound(m, order);
      const after = toOrderView(await this.load(m, id));
      await this.audit.record(m, {
        action: dto.decision === 'ACCEPT' ? 'order.escalation-accepted' : 'order.escalation-rejected',
        entityType: 'order',
        entityId: id,
        orderId: id,
        reason: dto.reason,
        before,
        after,
      });
      return after;
    });
  }

  async get(id: string): Promise<OrderView> {
    const order = await this.dataSource.getRepository(Order).findOne({ where: { id }, relations: { lines: true } });
    if (!order) throw new NotFoundProblem(`order ${id} not found`);
    return toOrderView(order);
  }

  async list(query: OrderListQuery): Promise<{ items: OrderView[]; total: number; page: number; pageSize: number }> {
    const [orders, total] = await this.dataSource.getRepository(Order).findAndCount({
      where: {
        ...(query.status ? { status: query.status as Order['status'] } : {}),
        ...(query.customerId ? { customerId: query.customerId } : {}),
      },
      relations: { lines: true },
      order: { createdAt: 'DESC', number: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: orders.map(toOrderView), total, page: query.page, pageSize: query.pageSize };
  }

  /** R2.4-R2.6 on an order in RECEIVED: stores the result (and its history), moves the order, tells who must act. */
  private async preliminaryReview(m: EntityManager, order: Order): Promise<OrderView> {
    const credit = await m.findOneBy(CustomerCredit, { customerId: order.customerId });
    const [{ open }] = await m.query(
      `SELECT coalesce(sum("totalAmount"), 0)::text AS open FROM sales_order
        WHERE "customerId" = $1 AND id <> $2 AND status <> ALL($3)`,
      [order.customerId, order.id, CLOSED_STATUSES],
    );
    const codes = order.lines.map((l) => l.productCode).filter((c): c is string => c !== null);
    const products = codes.length ? await m.findBy(CatalogProduct, { code: In(codes) }) : [];
    const result = runPreliminaryReview(
      { ...order, lines: order.lines },
      {
        credit,
        otherOpenOrdersAmount: sumMoney([open]),
        catalog: new Map(products.map((p) => [p.code, p])),
        today: new Date().toISOString().slice(0, 10),
      },
    );
    const action = result.outcome === 'AWAITING_INFO' ? 'awaitInfo' : result.outcome === 'ESCALATED' ? 'escalate' : 'startReview';
    order.status = nextStatus(order.status, action);
    order.preliminaryReview = result;
    order.escalation =
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
    await m.save(order);
    await m.insert(PreliminaryReviewRun, {
      orderId: order.id,
      ranAt: new Date(result.ranAt),
      outcome: result.outcome,
      checks: result.checks,
      missing: result.missing,
    });
    if (order.status === 'UNDER_REVIEW') await this.review.openRound(m, order);
    await this.audit.record(m, {
      action: 'order.preliminary-review',
      entityType: 'order',
      entityId: order.id,
      orderId: order.id,
      reason: result.outcome,
      after: { status: order.status, preliminaryReview: result },
    });
    return toOrderView(await this.load(m, order.id));
  }

  private async publishDetailsChanged(m: EntityManager, order: Order): Promise<void> {
    const view = toOrderView(order);
    await this.outbox.publish(m, SalesOrderDetailsChangedV1, { orderId: order.id }, {
      orderId: order.id,
      contactPerson: view.contactPerson,
      contactPhone: view.contactPhone,
      deliveryDate: view.deliveryDate,
      deliveryPlace: view.deliveryPlace,
      paymentTerms: view.paymentTerms,
      specialRequirements: view.specialRequirements,
      currency: view.currency,
      totalAmount: view.totalAmount,
      lines: view.lines,
    });
  }

  private buildLines(m: EntityManager, orderId: string, lines: CreateOrderDto['lines']): OrderLine[] {
    return lines.map((l, i) =>
      m.create(OrderLine, {
        orderId,
        lineNo: i + 1,
        productCode: l.productCode ?? null,
        productName: l.productName ?? null,
        specification: l.specification ?? null,
        quantity: l.quantity,
        unitPrice: sumMoney([l.unitPrice]),
        amount: multiplyMoney(l.unitPrice, l.quantity),
      }),
    );
  }

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

  private async lockAndLoad(m: EntityManager, id: string): Promise<Order> {
    const [row] = await m.query(`SELECT id FROM sales_order WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new NotFoundProblem(`order ${id} not found`);
    return this.load(m, id);
  }

  private load(m: EntityManager, id: string): Promise<Order> {
    return m.findOneOrFail(Order, { where: { id }, relations: { lines: true } });
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

