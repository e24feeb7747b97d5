import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DEPARTMENT_SERVICES,
  ORDER_STATUSES,
  type OrderStatus,
  type FinanceInvoiceIssued,
  type FinanceInvoiceSettled,
  type LogisticsShipmentDelivered,
  type LogisticsShipmentDispatched,
  type LogisticsShipmentPlanned,
  type OrderIssueAcknowledged,
  type ProductionPlanCompleted,
  type ProductionPlanDrafted,
  type ProductionPlanReleased,
  type ProductionPlanRevised,
  type ProductionPlanStopped,
  type ProductionProblemRaised,
  type ProductionProblemResolved,
  type ProductionTaskProgressed,
  type PurchasingContractDelayed,
  type PurchasingContractOverdue,
  type PurchasingContractSigned,
  type PurchasingReceiptInspected,
  type QualityNonconformanceClosed,
  type QualityNonconformanceRaised,
  type ReviewTaskCompleted,
  type ReviewTaskOpened,
  type ReviewTaskOverdue,
} from '@opm/contracts';
import { OrderFacts } from '../../lifecycle/order-facts';
import { OrderLifecycle } from '../../lifecycle/order-lifecycle.service';
import { EscalationService } from './escalation.service';
import { endangersPromise, endOfDay } from './monitoring-rules';
import { MonitoringService } from './monitoring.service';

const CONTRACT_RECEIVED = new Set(['RECEIVED', 'CLOSED', 'CANCELLED']);

/**
 * Applies each department event to the monitoring projection (R6.4) in the inbox's transaction, raises what must be
 * escalated at once (R6.5), and records the row's change for the stream. Events for an order sales does not know
 * change nothing.
 */
@Injectable()
export class MonitoringProjection implements OnModuleInit {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly escalations: EscalationService,
    private readonly lifecycle: OrderLifecycle,
    private readonly facts: OrderFacts,
  ) {}

  onModuleInit(): void {
    // Every status move changes the row (its status); entering ISSUED opens each department's acknowledgement.
    for (const status of ORDER_STATUSES) {
      this.lifecycle.onEnter(status, async (m, entered) => {
        if (status === 'ISSUED') await this.openAcknowledgements(m, entered.order.id, entered.at);
        await this.monitoring.changed(m, entered.order.id);
      });
    }
    this.facts.provide('progress', async (m, orderId) => {
      const row = await this.monitoring.row(m, orderId);
      if (row) return { status: row.status, planStatus: row.progress.planStatus, tasksDone: row.progress.tasksDone, tasksTotal: row.progress.tasksTotal, expectedDate: row.expectedDate, promisedDate: row.promisedDate };
      // Not on the monitoring list (archived): the order's own status and promise are all there is to tell.
      const [order]: { status: OrderStatus; deliveryDate: string | null }[] = await m.query(`SELECT status, to_char("deliveryDate", 'YYYY-MM-DD') AS "deliveryDate" FROM sales_order WHERE id = $1`, [orderId]);
      if (!order) throw new Error(`no order ${orderId}`);
      return { status: order.status, planStatus: null, tasksDone: 0, tasksTotal: 0, expectedDate: order.deliveryDate, promisedDate: order.deliveryDate };
    });
  }

  private async openAcknowledgements(m: EntityManager, orderId: string, at: Date): Promise<void> {
    const ack = await this.facts.read(m, 'issueAcknowledgement', orderId);
    if (!ack) return;
    for (const service of DEPARTMENT_SERVICES) {
      const department = service.toUpperCase();
      const item = { orderId, department, kind: 'ACKNOWLEDGEMENT' as const, refType: 'issued-order', refId: orderId, at };
      if (ack.acknowledged.includes(service)) await this.monitoring.close(m, item);
      else await this.monitoring.open(m, { ...item, summary: `${department} to acknowledge the issued order`, dueAt: new Date(ack.acknowledgeBy) });
    }
  }

  /** Runs `apply` for a known order and records the row's change. */
  private async on(m: EntityManager, orderId: string, apply: () => Promise<void>): Promise<void> {
    if (!(await this.monitoring.knows(m, orderId))) return;
    await apply();
    await this.monitoring.changed(m, orderId);
  }

  reviewOpened(m: EntityManager, p: ReviewTaskOpened): Promise<void> {
    return this.on(m, p.orderId, () =>
      this.monitoring.open(m, { orderId: p.orderId, department: p.department, kind: 'REVIEW', refType: 'review-task', refId: p.taskId, summary: `${p.department} review, round ${p.round}`, dueAt: new Date(p.dueAt), at: new Date(p.openedAt) }),
    );
  }

  reviewCompleted(m: EntityManager, p: ReviewTaskCompleted): Promise<void> {
    return this.on(m, p.orderId, () => this.monitoring.close(m, { orderId: p.orderId, department: p.department, kind: 'REVIEW', refType: 'review-task', refId: p.taskId, at: new Date(p.decidedAt) }));
  }

  reviewOverdue(m: EntityManager, p: ReviewTaskOverdue): Promise<void> {
    return this.on(m, p.orderId, () =>
      this.escalations.raise(m, { orderId: p.orderId, kind: 'LATE_REVIEW', department: p.department, summary: `${p.department} review of round ${p.round} was due ${p.dueAt} and is unanswered`, refType: 'review-task', refId: p.taskId, at: new Date(p.escalatedAt) }),
    );
  }

  acknowledged(m: EntityManager, p: OrderIssueAcknowledged): Promise<void> {
    return this.on(m, p.orderId, () => this.monitoring.close(m, { orderId: p.orderId, department: p.department.toUpperCase(), kind: 'ACKNOWLEDGEMENT', refType: 'issued-order', refId: p.orderId, at: new Date(p.acknowledgedAt) }));
  }

  planDrafted(m: EntityManager, p: ProductionPlanDrafted): Promise<void> {
    return this.on(m, p.orderId, async () => {
      const at = new Date(p.draftedAt);
      for (const t of p.tasks) {
        await this.monitoring.open(m, { orderId: p.orderId, department: 'PRODUCTION', kind: 'PLAN_TASK', refType: 'plan-task', refId: t.taskId, summary: `${t.name} (${t.workCentre})`, dueAt: new Date(t.plannedEnd), at });
      }
      const starts = p.tasks.map((t) => t.plannedStart).sort();
      await this.monitoring.saveFacts(m, p.orderId, { planStart: starts[0] ? new Date(starts[0]) : null, planEnd: p.plannedEnd ? new Date(p.plannedEnd) : null, planStatus: 'DRAFT', tasksTotal: p.tasks.length });
    });
  }

  planRevised(m: EntityManager, p: ProductionPlanRevised): Promise<void> {
    // The event carries the plan's new end, not its tasks': the row's expected date follows it.
    return this.on(m, p.orderId, () => this.monitoring.saveFacts(m, p.orderId, { planEnd: p.plannedEnd ? new Date(p.plannedEnd) : null }));
  }

  planReleased(m: EntityManager, p: ProductionPlanReleased): Promise<void> {
    return this.on(m, p.orderId, () => this.monitoring.saveFacts(m, p.orderId, { planEnd: new Date(p.plannedEnd), planStatus: 'RELEASED' }));
  }

  taskProgressed(m: EntityManager, p: ProductionTaskProgressed): Promise<void> {
    return this.on(m, p.orderId, async () => {
      if (p.status === 'DONE') await this.monitoring.close(m, { orderId: p.orderId, department: 'PRODUCTION', kind: 'PLAN_TASK', refType: 'plan-task', refId: p.taskId, at: new Date(p.reportedAt) });
      const [{ done }] = await m.query(`SELECT count(*)::int AS done FROM sales_monitoring_item WHERE "orderId" = $1 AND kind = 'PLAN_TASK' AND "closedAt" IS NOT NULL`, [p.orderId]);
      await this.monitoring.saveFacts(m, p.orderId, { planStatus: p.planStatus, tasksDone: done });
    });
  }

  planCompleted(m: EntityManager, p: ProductionPlanCompleted): Promise<void> {
    return this.on(m, p.orderId, async () => {
      await this.monitoring.closeAll(m, p.orderId, 'PLAN_TASK', new Date(p.completedAt));
      const facts = await this.monitoring.facts(m, p.orderId);
      await this.monitoring.saveFacts(m, p.orderId, { planStatus: 'COMPLETED', tasksDone: facts.tasksTotal });
    });
  }

  planStopped(m: EntityManager, p: ProductionPlanStopped): Promise<void> {
    return this.on(m, p.orderId, async () => {
      await this.monitoring.closeAll(m, p.orderId, 'PLAN_TASK', new Date(p.stoppedAt));
      await this.monitoring.saveFacts(m, p.orderId, { planStatus: 'STOPPED' });
    });
  }

  problemRaised(m: EntityManager, p: ProductionProblemRaised): Promise<void> {
    return this.on(m, p.orderId, async () => {
      const summary = `${p.severity} ${p.kind}: ${p.description}`;
      await this.monitoring.open(m, { orderId: p.orderId, department: 'PRODUCTION', kind: 'PROBLEM', refType: 'problem', refId: p.problemId, summary, dueAt: null, at: new Date(p.raisedAt) });
      if (p.severity === 'MAJOR') await this.escalations.raise(m, { orderId: p.orderId, kind: 'MAJOR_PROBLEM', department: 'PRODUCTION', summary, refType: 'problem', refId: p.problemId, at: new Date(p.raisedAt) });
    });
  }

  problemResolved(m: EntityManager, p: ProductionProblemResolved): Promise<void> {
    return this.on(m, p.orderId, () => this.monitoring.close(m, { orderId: p.orderId, department: 'PRODUCTION', kind: 'PROBLEM', refType: 'problem', refId: p.problemId, at: new Date(p.resolvedAt) }));
  }

  contractSigned(m: EntityManager, p: PurchasingContractSigned): Promise<void> {
    return this.on(m, p.orderId, () =>
      this.monitoring.open(m, { orderId: p.orderId, department: 'PURCHASING', kind: 'SUPPLIER_DELIVERY', refType: 'purchase-contract', refId: p.contractId, summary: `${p.number} from ${p.supplierName}, due ${p.deliveryDate}`, dueAt: endOfDay(p.deliveryDate), at: new Date(p.signedAt) }),
    );
  }

  contractDelayed(m: EntityManager, p: PurchasingContractDelayed): Promise<void> {
    return this.on(m, p.orderId, async () => {
      await this.monitoring.open(m, { orderId: p.orderId, department: 'PURCHASING', kind: 'SUPPLIER_DELIVERY', refType: 'purchase-contract', refId: p.contractId, summary: `${p.number} delayed to ${p.newDeliveryDate}: ${p.reason}`, dueAt: endOfDay(p.newDeliveryDate), at: new Date(p.reportedAt) });
      const facts = await this.monitoring.facts(m, p.orderId);
      const previous = facts.delayedSupplyDate;
      if (!previous || p.newDeliveryDate > previous) await this.monitoring.saveFacts(m, p.orderId, { delayedSupplyDate: p.newDeliveryDate });
      const row = await this.monitoring.row(m, p.orderId);
      if (row && endangersPromise(row.expectedDate, row.promisedDate)) {
        await this.escalations.raise(m, { orderId: p.orderId, kind: 'SUPPLIER_DELAY', department: 'PURCHASING', summary: `${p.number} delayed to ${p.newDeliveryDate} (${p.reason}): expected ${row.expectedDate}, promised ${row.promisedDate}`, refType: 'purchase-contract', refId: `${p.contractId}:${p.newDeliveryDate}`, at: new Date(p.reportedAt) });
      }
    });
  }

  contractOverdue(m: EntityManager, p: PurchasingContractOverdue): Promise<void> {
    // Material past due holds production up whatever the plan says: production treats it as endangering, so does tracking.
    return this.on(m, p.orderId, () =>
      this.escalations.raise(m, { orderId: p.orderId, kind: 'SUPPLIER_OVERDUE', department: 'PURCHASING', summary: `${p.number} was due ${p.deliveryDate}; open: ${p.openLines.map((l) => `${l.materialCode} ${l.quantity}`).join(', ')}`, refType: 'purchase-contract', refId: `${p.contractId}:${p.deliveryDate}`, at: new Date(p.detectedAt) }),
    );
  }

  receiptInspected(m: EntityManager, p: PurchasingReceiptInspected): Promise<void> {
    return this.on(m, p.orderId, async () => {
      if (CONTRACT_RECEIVED.has(p.contractStatus)) await this.monitoring.close(m, { orderId: p.orderId, department: 'PURCHASING', kind: 'SUPPLIER_DELIVERY', refType: 'purchase-contract', refId: p.contractId, at: new Date(p.inspectedAt) });
    });
  }

  nonconformanceRaised(m: EntityManager, p: QualityNonconformanceRaised): Promise<void> {
    return this.on(m, p.orderId, () =>
      this.monitoring.open(m, { orderId: p.orderId, department: 'QUALITY', kind: 'NONCONFORMANCE', refType: 'nonconformance', refId: p.nonconformanceId, summary: `${p.number} (${p.stage}, lot ${p.lot}): ${p.description}`, dueAt: null, at: new Date(p.raisedAt) }),
    );
  }

  nonconformanceClosed(m: EntityManager, p: QualityNonconformanceClosed): Promise<void> {
    return this.on(m, p.orderId, () => this.monitoring.close(m, { orderId: p.orderId, department: 'QUALITY', kind: 'NONCONFORMANCE', refType: 'nonconformance', refId: p.nonconformanceId, at: new Date(p.closedAt) }));
  }

  shipmentPlanned(m: EntityManager, p: LogisticsShipmentPlanned): Promise<void> {
    return this.on(m, p.orderId, async () => {
      await this.monitoring.open(m, { orderId: p.orderId, department: 'LOGISTICS', kind: 'SHIPMENT', refType: 'shipment', refId: p.shipmentId, summary: `${p.number} by ${p.carrier}, planned ${p.plannedDate}`, dueAt: endOfDay(p.plannedDate), at: new Date(p.plannedAt) });
      const facts = await this.monitoring.facts(m, p.orderId);
      const previous = facts.shipmentPlannedDate;
      if (!previous || p.plannedDate > previous) await this.monitoring.saveFacts(m, p.orderId, { shipmentPlannedDate: p.plannedDate });
    });
  }

  shipmentDispatched(m: EntityManager, p: LogisticsShipmentDispatched): Promise<void> {
    return this.on(m, p.orderId, () => this.monitoring.close(m, { orderId: p.orderId, department: 'LOGISTICS', kind: 'SHIPMENT', refType: 'shipment', refId: p.shipmentId, at: new Date(p.dispatchedAt) }));
  }

  shipmentDelivered(m: EntityManager, p: LogisticsShipmentDelivered): Promise<void> {
    return this.on(m, p.orderId, async () => {
      await this.monitoring.close(m, { orderId: p.orderId, department: 'LOGISTICS', kind: 'SHIPMENT', refType: 'shipment', refId: p.shipmentId, at: new Date(p.receivedAt) });
      const day = p.receivedAt.slice(0, 10);
      const facts = await this.monitoring.facts(m, p.orderId);
      const previous = facts.actualDeliveryDate;
      if (!previous || day > previous) await this.monitoring.saveFacts(m, p.orderId, { actualDeliveryDate: day });
    });
  }

  invoiceIssued(m: EntityManager, p: FinanceInvoiceIssued): Promise<void> {
    return this.on(m, p.orderId, () =>
      this.monitoring.open(m, { orderId: p.orderId, department: 'FINANCE', kind: 'INVOICE', refType: 'invoice', refId: p.invoiceId, summary: `${p.number} due ${p.dueDate}`, dueAt: endOfDay(p.dueDate), at: new Date(p.issuedAt) }),
    );
  }

  invoiceSettled(m: EntityManager, p: FinanceInvoiceSettled): Promise<void> {
    return this.on(m, p.orderId, () => this.monitoring.close(m, { orderId: p.orderId, department: 'FINANCE', kind: 'INVOICE', refType: 'invoice', refId: p.invoiceId, at: new Date(p.settledAt) }));
  }
}
