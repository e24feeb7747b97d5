import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ProductionPlanCompleted, ProductionPlanReleased, ProductionPlanStopped, QualityOrderResultsChanged } from '@opm/contracts';
import { AuditLog } from '@opm/platform';
import { OrderLifecycle } from '../lifecycle/order-lifecycle.service';
import { canTake } from '../lifecycle/order-state-machine';
import { OrderRepository } from '../lifecycle/order.repository';
import { factsOf, OrderExecutionView, toOrderExecutionView } from './execution-view';
import { OrderExecution } from './order-execution.entity';
import { readyToShip } from './ready-to-ship';

/**
 * The execution stage (R5.1, R5.3): sales keeps the facts production and quality announce about an order and
 * derives its moves from them, whichever arrives first (they travel on different topics). A plan released moves an
 * ISSUED order to IN_EXECUTION; the plan completed plus a passed final inspection with no open nonconformance moves
 * it to READY_TO_SHIP, once. A completion that overtakes its release is kept and applied when the release arrives.
 * Every write takes the order row first, then the execution row, then the audit entry.
 */
@Injectable()
export class ExecutionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrderRepository,
    private readonly audit: AuditLog,
  ) {}

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

  async view(orderId: string): Promise<OrderExecutionView> {
    const order = await this.orders.find(orderId);
    return toOrderExecutionView(orderId, order.status, await this.dataSource.getRepository(OrderExecution).findOneBy({ orderId }));
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
    });
  }

  private async record(m: EntityManager, orderId: string, action: string, reason: string, e: OrderExecution): Promise<void> {
    await this.audit.record(m, { action, entityType: 'order', entityId: orderId, orderId, reason, after: e });
  }
}
