import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LogisticsShipmentDelivered, LogisticsShipmentDispatched, ProductionPlanCompleted, ProductionPlanReleased, ProductionPlanStopped, QualityOrderResultsChanged } from '@opm/contracts';
import { AuditLog } from '@opm/platform';
import { OrderFacts } from '../lifecycle/order-facts';
import { OrderLifecycle } from '../lifecycle/order-lifecycle.service';
import { canTake } from '../lifecycle/order-state-machine';
import { OrderRepository } from '../lifecycle/order.repository';
import { addShipped, deliveryProgress, mergeTotals } from './delivery';
import { factsOf, OrderExecutionView, toOrderExecutionView } from './execution-view';
import { OrderExecution } from './order-execution.entity';
import { readyToShip } from './ready-to-ship';

/**
 * The execution stage (R5.1, R5.3, R5.5): sales keeps the facts production, quality and logistics announce about an order and
 * derives its moves from them, whichever arrives first (they travel on different topics). A plan released moves an
 * ISSUED order to IN_EXECUTION; the plan completed plus a passed final inspection with no open nonconformance moves
 * it to READY_TO_SHIP, once; a dispatch moves it to SHIPPED, and the delivery of every ordered quantity to DELIVERED.
 * A completion that overtakes its release is kept and applied when the release arrives.
 * Every write takes the order row first, then the execution row, then the audit entry.
 */
@Injectable()
export class ExecutionService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrderRepository,
    private readonly audit: AuditLog,
    private readonly facts: OrderFacts,
  ) {}

  /** Settlement bills what was delivered (R7.1): the delivered totals kept here are its fact to read. */
  onModuleInit(): void {
    this.facts.provide('deliveredQuantities', async (m, orderId) => (await m.findOneBy(OrderExecution, { orderId }))?.deliveredLines ?? []);
  }

  async applyReleased(m: EntityManager, p: ProductionPlanReleased): Promise<void> {
    const order = await this.orders.lock(m, p.orderId);
    const e = await this.row(m, p.orderId);
    Object.assign(e, { planId: p.planId, releasedAt: new Date(p.releasedAt), releasedBy: p.releasedBy, plannedEnd: new Date(p.plannedEnd), late: p.late });
    await m.save(e);
    const reason = `production plan released by ${p.releasedBy}${p.late ? `; late: planned to end ${p.plannedEnd}` : ''}`;
    if (canTake(order.status, 'startExecution')) {
      await this.lifecycle.transition(m, p.orderId, { action: 'startExecution', audit: 'order.execution-started', reason, detail: () => ({ planId: p.planId, plannedEnd: p.plannedEnd, late: p.late }) });
    } else {
      await this.record(m, p.orderId, 'execution.plan-released', `${reason} (order ${order.status})`, e);
    }
    await this.advance(m, p.orderId, e);
  }

  async applyCompleted(m: EntityManager, p: ProductionPlanCompleted): Promise<void> {
    await this.orders.lock(m, p.orderId);
    const e = await this.row(m, p.orderId);
    Object.assign(e, { planId: e.planId ?? p.planId, completedAt: new Date(p.completedAt), completedBy: p.completedBy, quantityProduced: p.quantityProduced });
    await m.save(e);
    await this.record(m, p.orderId, 'execution.plan-completed', `production completed ${p.quantityProduced} (${p.completedBy})`, e);
    await this.advance(m, p.orderId, e);
  }

  /** Shown on the order; it moves nothing (cancellation is its own process). */
  async applyStopped(m: EntityManager, p: ProductionPlanStopped): Promise<void> {
    await this.orders.lock(m, p.orderId);
    const e = await this.row(m, p.orderId);
    Object.assign(e, { planId: e.planId ?? p.planId, stoppedAt: new Date(p.stoppedAt), stoppedBy: p.stoppedBy, stopReason: p.reason });
    await m.save(e);
    await this.record(m, p.orderId, 'execution.plan-stopped', `production plan stopped by ${p.stoppedBy}: ${p.reason}`, e);
  }

  /** Quality's results: the highest revision wins, so a late-arriving older one changes nothing. */
  async applyQualityResults(m: EntityManager, p: QualityOrderResultsChanged): Promise<void> {
    await this.orders.lock(m, p.orderId);
    const e = await this.row(m, p.orderId);
    if (p.revision <= e.qualityRevision) return;
    Object.assign(e, {
      qualityRevision: p.revision,
      inspectionsPassed: p.inspectionsPassed,
      inspectionsFailed: p.inspectionsFailed,
      finalInspectionPassed: p.finalInspectionPassed,
      openNonconformances: p.openNonconformances,
      qualityChangedAt: new Date(p.changedAt),
    });
    await m.save(e);
    const summary = `${p.inspectionsPassed} passed, ${p.inspectionsFailed} failed, final inspection ${p.finalInspectionPassed ? 'passed' : 'not passed'}, ${p.openNonconformances} open nonconformances`;
    await this.record(m, p.orderId, 'execution.quality-results', `quality results revision ${p.revision}: ${summary}`, e);
    await this.advance(m, p.orderId, e);
  }

  /**
   * A shipment left the plant (R5.5): its quantities count as shipped, and a READY_TO_SHIP order moves to SHIPPED;
   * a later dispatch of an order already SHIPPED is recorded and moves nothing.
   */
  async applyDispatched(m: EntityManager, p: LogisticsShipmentDispatched): Promise<void> {
    const order = await this.orders.lock(m, p.orderId);
    const e = await this.row(m, p.orderId);
    const at = new Date(p.dispatchedAt);
    Object.assign(e, {
      shippedLines: addShipped(e.shippedLines, p.lines),
      shipmentsDispatched: e.shipmentsDispatched + 1,
      firstDispatchedAt: e.firstDispatchedAt && e.firstDispatchedAt <= at ? e.firstDispatchedAt : at,
    });
    await m.save(e);
    const reason = `shipment ${p.number} dispatched by ${p.carrier}${p.trackingNumber ? ` (tracking ${p.trackingNumber})` : ''}`;
    if (canTake(order.status, 'ship')) await this.ship(m, p.orderId, e, reason);
    else await this.record(m, p.orderId, 'execution.shipment-dispatched', `${reason} (order ${order.status})`, e);
  }

  /**
   * A proof of delivery (R5.5): the delivered totals over the order's shipments are kept (they only grow); once every
   * ordered quantity is delivered the order moves to DELIVERED with the last receivedAt as its actual delivery date
   * (R1.4). A delivery heard before its shipment's dispatch (another topic) moves a READY_TO_SHIP order to SHIPPED first.
   */
  async applyDelivered(m: EntityManager, p: LogisticsShipmentDelivered): Promise<void> {
    const order = await this.orders.lock(m, p.orderId);
    const e = await this.row(m, p.orderId);
    const receivedAt = new Date(p.receivedAt);
    Object.assign(e, {
      deliveredLines: mergeTotals(e.deliveredLines, p.deliveredTotals),
      shipmentsDelivered: e.shipmentsDelivered + 1,
      lastReceivedAt: e.lastReceivedAt && e.lastReceivedAt >= receivedAt ? e.lastReceivedAt : receivedAt,
    });
    await m.save(e);
    const reason = `shipment ${p.number} received by ${p.receivedBy} at ${p.receivedAt}`;
    await this.record(m, p.orderId, 'execution.shipment-delivered', reason, e);
    if (canTake(order.status, 'ship')) await this.ship(m, p.orderId, e, `${reason}: it was dispatched`);
    const progress = deliveryProgress(order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })), e.shippedLines, e.deliveredLines);
    const now = await this.orders.load(m, p.orderId);
    if (!progress.fullyDelivered || !canTake(now.status, 'confirmDelivery')) return;
    await this.lifecycle.transition(m, p.orderId, {
      action: 'confirmDelivery',
      audit: 'order.delivered',
      reason: `every ordered quantity delivered (last proof of delivery: ${reason})`,
      detail: () => ({ promisedDeliveryDate: now.deliveryDate, actualDeliveryAt: e.lastReceivedAt?.toISOString() ?? null }),
      effects: async () => {
        e.deliveredAt = new Date();
        e.actualDeliveryAt = e.lastReceivedAt;
        await m.save(e);
      },
    });
  }

  async view(orderId: string): Promise<OrderExecutionView> {
    const order = await this.orders.find(orderId);
    return toOrderExecutionView(order, await this.dataSource.getRepository(OrderExecution).findOneBy({ orderId }));
  }

  private async ship(m: EntityManager, orderId: string, e: OrderExecution, reason: string): Promise<void> {
    await this.lifecycle.transition(m, orderId, {
      action: 'ship',
      audit: 'order.shipped',
      reason,
      effects: async () => {
        e.shippedAt = new Date();
        await m.save(e);
      },
    });
  }

  /** The move the facts now allow, if the state machine allows it from the order's status (each happens once). */
  private async advance(m: EntityManager, orderId: string, e: OrderExecution): Promise<void> {
    const decision = readyToShip(factsOf(e));
    const order = await this.orders.load(m, orderId);
    if (!decision.ready || !canTake(order.status, 'markReadyToShip')) return;
    await this.lifecycle.transition(m, orderId, {
      action: 'markReadyToShip',
      audit: 'order.ready-to-ship',
      reason: `production completed (${e.quantityProduced ?? 0} produced) and final inspection passed with no open nonconformance (quality revision ${e.qualityRevision})`,
      effects: async () => {
        e.readyToShipAt = new Date();
        await m.save(e);
      },
    });
  }

  private async row(m: EntityManager, orderId: string): Promise<OrderExecution> {
    const found = await m.findOneBy(OrderExecution, { orderId });
    if (found) return found;
    return m.create(OrderExecution, {
      orderId,
      planId: null,
      releasedAt: null,
      releasedBy: null,
      plannedEnd: null,
      late: null,
      completedAt: null,
      completedBy: null,
      quantityProduced: null,
      stoppedAt: null,
      stoppedBy: null,
      stopReason: null,
      qualityRevision: 0,
      inspectionsPassed: 0,
      inspectionsFailed: 0,
      finalInspectionPassed: false,
      openNonconformances: 0,
      qualityChangedAt: null,
      readyToShipAt: null,
      shippedLines: [],
      deliveredLines: [],
      shipmentsDispatched: 0,
      shipmentsDelivered: 0,
      firstDispatchedAt: null,
      shippedAt: null,
      lastReceivedAt: null,
      deliveredAt: null,
      actualDeliveryAt: null,
    });
  }

  private async record(m: EntityManager, orderId: string, action: string, reason: string, e: OrderExecution): Promise<void> {
    await this.audit.record(m, { action, entityType: 'order', entityId: orderId, orderId, reason, after: e });
  }
}
