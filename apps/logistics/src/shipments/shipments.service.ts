import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { LogisticsShipmentDeliveredV1, LogisticsShipmentDispatchedV1, LogisticsShipmentPlannedV1 } from '@opm/contracts';
import { assertVersion, AuditLog, BusinessRuleProblem, ConflictProblem, inTransaction, NotFoundProblem, Outbox, type Page, type Principal } from '@opm/platform';
import { ReceivedOrder } from '@opm/workflow';
import type { ListShipmentsQuery } from './dto/list-shipments.query';
import type { ChangeShipmentDto, DeliveryDto, DispatchShipmentDto, PlanShipmentDto } from './dto/plan-shipment.dto';
import { ShipmentNumbers } from './shipment-number';
import { canShipOrder, checkShipmentLines, deliveredTotals, deliveryLines, type FieldRefusal, lineShipping, type LineQuantity, shipmentAllows, type ShipmentAction, shipmentDefaults, SHIPPABLE_ORDER_STATUSES } from './shipment-rules';
import { Shipment } from './shipment.entity';
import { type LogisticsShippingView, ShipmentView, toShipmentView } from './shipment.view';

const orderLinesOf = (copy: ReceivedOrder): LineQuantity[] => copy.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity }));

/**
 * Shipping (R5.5): logistics plans shipments of an order its copy shows READY_TO_SHIP (or already SHIPPED), no more
 * than remains to ship; dispatches them (sales moves the order to SHIPPED) and records the proof of delivery with the
 * order's delivered totals (sales moves it to DELIVERED once every ordered quantity is delivered). Every write locks
 * the order's copy first (so writers of one order queue and remaining quantities stay exact), then the shipment row,
 * then the number row; the event and the audit entry go in the same transaction.
 */
@Injectable()
export class ShipmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly numbers: ShipmentNumbers,
  ) {}

  async plan(dto: PlanShipmentDto, principal: Principal): Promise<ShipmentView> {
    // Joins the Idempotency-Key's transaction, so the key, the shipment and the stored answer commit together.
    return inTransaction(this.dataSource, async (m) => {
      const copy = await this.lockOrder(m, dto.orderId);
      if (!canShipOrder(copy.status)) {
        throw new ConflictProblem(`order ${copy.number} is ${copy.status ?? 'not yet ready to ship'}: logistics ships an order once it is ${SHIPPABLE_ORDER_STATUSES.join(' or ')}`, {
          currentStatus: copy.status,
          action: 'ship',
        });
      }
      const shipments = await this.ofOrderRows(m, copy.orderId);
      const { unknown, excess } = checkShipmentLines(orderLinesOf(copy), shipments, dto.lines);
      refuse(unknown, `order ${copy.number} has no such line`);
      refuse(excess, `a shipment cannot carry more than remains to ship of order ${copy.number}`);
      const defaults = shipmentDefaults(copy.specialRequirements, dto);
      const missing: FieldRefusal[] = [];
      if (!defaults.transportMode) missing.push({ field: 'transportMode', message: "the order's special requirements name no transport mode: give one" });
      if (!defaults.packaging) missing.push({ field: 'packaging', message: "the order's special requirements name no packaging: give one" });
      refuse(missing, `order ${copy.number} names no transport mode or packaging (R2.3)`);
      const at = new Date();
      const shipment = m.create(Shipment, {
        id: randomUUID(),
        number: await this.numbers.next(m, at),
        orderId: copy.orderId,
        status: 'PLANNED',
        lines: dto.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
        carrier: dto.carrier,
        plannedDate: dto.plannedDate,
        transportMode: defaults.transportMode as string,
        packaging: defaults.packaging as string,
        plannedBy: principal.username,
        plannedAt: at,
        trackingNumber: null,
        dispatchedBy: null,
        dispatchedAt: null,
        receivedBy: null,
        receivedAt: null,
        deliveredLines: null,
        deliveryNote: null,
        deliveryRecordedBy: null,
        deliveryRecordedAt: null,
        version: 1,
      });
      await m.insert(Shipment, shipment);
      await this.outbox.publish(m, LogisticsShipmentPlannedV1, { orderId: copy.orderId }, {
        orderId: copy.orderId,
        shipmentId: shipment.id,
        number: shipment.number,
        lines: shipment.lines,
        carrier: shipment.carrier,
        plannedDate: shipment.plannedDate,
        transportMode: shipment.transportMode,
        packaging: shipment.packaging,
        plannedBy: shipment.plannedBy,
        plannedAt: at.toISOString(),
      });
      const view = toShipmentView(shipment);
      await this.audit.record(m, {
        action: 'shipment.planned',
        entityType: 'shipment',
        entityId: shipment.id,
        orderId: copy.orderId,
        reason: `shipment ${shipment.number} of order ${copy.number} planned for ${shipment.plannedDate} by ${shipment.carrier}`,
        after: { ...view, defaultedFromSpecialRequirements: defaults.fromSpecialRequirements },
      });
      return view;
    });
  }

  /** Carrier, date, transport mode or packaging changed before the shipment leaves (R5.5, R2.3 "changeable"). */
  async change(id: string, dto: ChangeShipmentDto, principal: Principal, ifMatch: number | undefined): Promise<ShipmentView> {
    return inTransaction(this.dataSource, async (m) => {
      const { shipment } = await this.lockShipment(m, id, 'change', ifMatch);
      const before = toShipmentView(shipment);
      const change = {
        ...(dto.carrier !== undefined ? { carrier: dto.carrier } : {}),
        ...(dto.plannedDate !== undefined ? { plannedDate: dto.plannedDate } : {}),
        ...(dto.transportMode !== undefined ? { transportMode: dto.transportMode } : {}),
        ...(dto.packaging !== undefined ? { packaging: dto.packaging } : {}),
      };
      Object.assign(shipment, change, { version: shipment.version + 1 });
      await m.save(shipment);
      const view = toShipmentView(shipment);
      await this.audit.record(m, { action: 'shipment.changed', entityType: 'shipment', entityId: id, orderId: shipment.orderId, reason: `changed by ${principal.username}: ${Object.keys(change).join(', ') || 'nothing'}`, before, after: view });
      return view;
    });
  }

  async dispatch(id: string, dto: DispatchShipmentDto, principal: Principal, ifMatch: number | undefined): Promise<ShipmentView> {
    return inTransaction(this.dataSource, async (m) => {
      const { copy, shipment } = await this.lockShipment(m, id, 'dispatch', ifMatch);
      if (!canShipOrder(copy.status)) {
        throw new ConflictProblem(`order ${copy.number} is ${copy.status}: its shipments no longer leave`, { currentStatus: copy.status, action: 'dispatch' });
      }
      const at = new Date();
      Object.assign(shipment, { status: 'DISPATCHED', trackingNumber: dto.trackingNumber ?? null, dispatchedBy: principal.username, dispatchedAt: at, version: shipment.version + 1 });
      await m.save(shipment);
      await this.outbox.publish(m, LogisticsShipmentDispatchedV1, { orderId: shipment.orderId }, {
        orderId: shipment.orderId,
        shipmentId: shipment.id,
        number: shipment.number,
        lines: shipment.lines,
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber,
        dispatchedBy: principal.username,
        dispatchedAt: at.toISOString(),
      });
      const view = toShipmentView(shipment);
      await this.audit.record(m, { action: 'shipment.dispatched', entityType: 'shipment', entityId: id, orderId: shipment.orderId, reason: `shipment ${shipment.number} dispatched by ${shipment.carrier}`, after: view });
      return view;
    });
  }

  /** The proof of delivery (R5.5): partial deliveries add up over the order's shipments, announced with the totals. */
  async deliver(id: string, dto: DeliveryDto, principal: Principal, ifMatch: number | undefined): Promise<ShipmentView> {
    return inTransaction(this.dataSource, async (m) => {
      const { copy, shipment } = await this.lockShipment(m, id, 'deliver', ifMatch);
      const { lines, refused } = deliveryLines(shipment.lines, dto.lines);
      refuse(refused, `a proof of delivery cannot confirm more than shipment ${shipment.number} carried`);
      const at = new Date();
      Object.assign(shipment, {
        status: 'DELIVERED',
        receivedBy: dto.receivedBy,
        receivedAt: new Date(dto.receivedAt),
        deliveredLines: lines,
        deliveryNote: dto.note ?? null,
        deliveryRecordedBy: principal.username,
        deliveryRecordedAt: at,
        version: shipment.version + 1,
      });
      await m.save(shipment);
      const totals = deliveredTotals(orderLinesOf(copy), await this.ofOrderRows(m, copy.orderId));
      await this.outbox.publish(m, LogisticsShipmentDeliveredV1, { orderId: shipment.orderId }, {
        orderId: shipment.orderId,
        shipmentId: shipment.id,
        number: shipment.number,
        lines,
        deliveredTotals: totals,
        receivedBy: dto.receivedBy,
        receivedAt: (shipment.receivedAt as Date).toISOString(),
        note: shipment.deliveryNote,
        recordedBy: principal.username,
      });
      const view = toShipmentView(shipment);
      await this.audit.record(m, {
        action: 'shipment.delivered',
        entityType: 'shipment',
        entityId: id,
        orderId: shipment.orderId,
        reason: `shipment ${shipment.number} received by ${dto.receivedBy} at ${dto.receivedAt}`,
        after: { ...view, deliveredTotals: totals },
      });
      return view;
    });
  }

  async get(id: string): Promise<ShipmentView> {
    const found = await this.dataSource.getRepository(Shipment).findOneBy({ id });
    if (!found) throw new NotFoundProblem(`shipment ${id} does not exist`);
    return toShipmentView(found);
  }

  async list(query: ListShipmentsQuery): Promise<Page<ShipmentView>> {
    const [rows, total] = await this.dataSource.getRepository(Shipment).findAndCount({
      where: { ...(query.orderId ? { orderId: query.orderId } : {}), ...(query.status ? { status: query.status } : {}) },
      order: { plannedAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(toShipmentView), total, page: query.page, pageSize: query.pageSize };
  }

  /** Logistics' part of the combined view: the order's shipments and its lines' quantities; null before issue. */
  async partOf(orderId: string): Promise<LogisticsShippingView | null> {
    const m = this.dataSource.manager;
    const copy = await m.findOneBy(ReceivedOrder, { orderId });
    if (!copy?.issuedAt) return null;
    const shipments = await this.ofOrderRows(m, orderId);
    return { shipments: shipments.map(toShipmentView), lines: lineShipping(orderLinesOf(copy), shipments) };
  }

  private ofOrderRows(m: EntityManager, orderId: string): Promise<Shipment[]> {
    return m.find(Shipment, { where: { orderId }, order: { plannedAt: 'ASC', id: 'ASC' } });
  }

  /** The order's copy, locked: 422 naming `orderId` for an order logistics never received. */
  private async lockOrder(m: EntityManager, orderId: string): Promise<ReceivedOrder> {
    const copy = await m.findOne(ReceivedOrder, { where: { orderId }, lock: { mode: 'pessimistic_write' } });
    if (!copy) {
      throw new BusinessRuleProblem(`order ${orderId} has not reached logistics`, { errors: [{ field: 'orderId', message: 'no such order in logistics' }] });
    }
    return copy;
  }

  /** The order's copy, then the shipment, locked in that order; 404, a stale If-Match or a refused action 409. */
  private async lockShipment(m: EntityManager, id: string, action: ShipmentAction, ifMatch: number | undefined): Promise<{ copy: ReceivedOrder; shipment: Shipment }> {
    const found = await m.findOne(Shipment, { where: { id }, select: { id: true, orderId: true } });
    if (!found) throw new NotFoundProblem(`shipment ${id} does not exist`);
    const copy = await this.lockOrder(m, found.orderId);
    const shipment = await m.findOneOrFail(Shipment, { where: { id }, lock: { mode: 'pessimistic_write' } });
    assertVersion(`shipment ${shipment.number}`, shipment.version, ifMatch);
    if (!shipmentAllows(shipment.status, action)) {
      throw new ConflictProblem(`cannot ${action} shipment ${shipment.number} in status ${shipment.status}`, { currentStatus: shipment.status, action });
    }
    return { copy, shipment };
  }
}

/** 422 naming every refused field, or nothing. */
function refuse(refusals: FieldRefusal[], detail: string): void {
  if (refusals.length > 0) throw new BusinessRuleProblem(`${detail}: ${refusals.map((r) => `${r.field} ${r.message}`).join('; ')}`, { errors: refusals });
}
