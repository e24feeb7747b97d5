import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  FinanceInvoiceIssuedV1,
  FinanceInvoiceSettledV1,
  LogisticsShipmentDeliveredV1,
  LogisticsShipmentDispatchedV1,
  LogisticsShipmentPlannedV1,
  OrderIssueAcknowledgedV1,
  ProductionPlanCompletedV1,
  ProductionPlanDraftedV1,
  ProductionPlanReleasedV1,
  ProductionPlanRevisedV1,
  ProductionPlanStoppedV1,
  ProductionProblemRaisedV1,
  ProductionProblemResolvedV1,
  ProductionTaskProgressedV1,
  PurchasingContractDelayedV1,
  PurchasingContractOverdueV1,
  PurchasingContractSignedV1,
  PurchasingReceiptInspectedV1,
  QualityNonconformanceClosedV1,
  QualityNonconformanceRaisedV1,
  ReviewTaskCompletedV1,
  ReviewTaskOpenedV1,
  ReviewTaskOverdueV1,
} from '@opm/contracts';
import { type EventContext, Inbox } from '@opm/platform';
import { MonitoringProjection } from './monitoring.projection';

/**
 * The departments' events the monitoring projection follows (R6.4, R6.5): one handler per topic, each applied once
 * through the inbox under its own consumer name, so sales' other stages consuming the same topics are not affected.
 */
@Controller()
export class MonitoringConsumer {
  constructor(
    private readonly inbox: Inbox,
    @Inject(MonitoringProjection) private readonly projection: MonitoringProjection,
  ) {}

  @EventPattern(ReviewTaskOpenedV1.topic)
  async onReviewOpened(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.review-task-opened', ReviewTaskOpenedV1, ctx, (e, m) => this.projection.reviewOpened(m, e.payload));
  }

  @EventPattern(ReviewTaskCompletedV1.topic)
  async onReviewCompleted(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.review-task-completed', ReviewTaskCompletedV1, ctx, (e, m) => this.projection.reviewCompleted(m, e.payload));
  }

  @EventPattern(ReviewTaskOverdueV1.topic)
  async onReviewOverdue(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.review-task-overdue', ReviewTaskOverdueV1, ctx, (e, m) => this.projection.reviewOverdue(m, e.payload));
  }

  @EventPattern(OrderIssueAcknowledgedV1.topic)
  async onAcknowledged(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.issue-acknowledged', OrderIssueAcknowledgedV1, ctx, (e, m) => this.projection.acknowledged(m, e.payload));
  }

  @EventPattern(ProductionPlanDraftedV1.topic)
  async onPlanDrafted(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.plan-drafted', ProductionPlanDraftedV1, ctx, (e, m) => this.projection.planDrafted(m, e.payload));
  }

  @EventPattern(ProductionPlanRevisedV1.topic)
  async onPlanRevised(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.plan-revised', ProductionPlanRevisedV1, ctx, (e, m) => this.projection.planRevised(m, e.payload));
  }

  @EventPattern(ProductionPlanReleasedV1.topic)
  async onPlanReleased(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.plan-released', ProductionPlanReleasedV1, ctx, (e, m) => this.projection.planReleased(m, e.payload));
  }

  @EventPattern(ProductionTaskProgressedV1.topic)
  async onTaskProgressed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.task-progressed', ProductionTaskProgressedV1, ctx, (e, m) => this.projection.taskProgressed(m, e.payload));
  }

  @EventPattern(ProductionPlanCompletedV1.topic)
  async onPlanCompleted(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.plan-completed', ProductionPlanCompletedV1, ctx, (e, m) => this.projection.planCompleted(m, e.payload));
  }

  @EventPattern(ProductionPlanStoppedV1.topic)
  async onPlanStopped(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.plan-stopped', ProductionPlanStoppedV1, ctx, (e, m) => this.projection.planStopped(m, e.payload));
  }

  @EventPattern(ProductionProblemRaisedV1.topic)
  async onProblemRaised(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.problem-raised', ProductionProblemRaisedV1, ctx, (e, m) => this.projection.problemRaised(m, e.payload));
  }

  @EventPattern(ProductionProblemResolvedV1.topic)
  async onProblemResolved(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.problem-resolved', ProductionProblemResolvedV1, ctx, (e, m) => this.projection.problemResolved(m, e.payload));
  }

  @EventPattern(PurchasingContractSignedV1.topic)
  async onContractSigned(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.contract-signed', PurchasingContractSignedV1, ctx, (e, m) => this.projection.contractSigned(m, e.payload));
  }

  @EventPattern(PurchasingContractDelayedV1.topic)
  async onContractDelayed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.contract-delayed', PurchasingContractDelayedV1, ctx, (e, m) => this.projection.contractDelayed(m, e.payload));
  }

  @EventPattern(PurchasingContractOverdueV1.topic)
  async onContractOverdue(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.contract-overdue', PurchasingContractOverdueV1, ctx, (e, m) => this.projection.contractOverdue(m, e.payload));
  }

  @EventPattern(PurchasingReceiptInspectedV1.topic)
  async onReceiptInspected(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.receipt-inspected', PurchasingReceiptInspectedV1, ctx, (e, m) => this.projection.receiptInspected(m, e.payload));
  }

  @EventPattern(QualityNonconformanceRaisedV1.topic)
  async onNonconformanceRaised(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.nonconformance-raised', QualityNonconformanceRaisedV1, ctx, (e, m) => this.projection.nonconformanceRaised(m, e.payload));
  }

  @EventPattern(QualityNonconformanceClosedV1.topic)
  async onNonconformanceClosed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.nonconformance-closed', QualityNonconformanceClosedV1, ctx, (e, m) => this.projection.nonconformanceClosed(m, e.payload));
  }

  @EventPattern(LogisticsShipmentPlannedV1.topic)
  async onShipmentPlanned(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.shipment-planned', LogisticsShipmentPlannedV1, ctx, (e, m) => this.projection.shipmentPlanned(m, e.payload));
  }

  @EventPattern(LogisticsShipmentDispatchedV1.topic)
  async onShipmentDispatched(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.shipment-dispatched', LogisticsShipmentDispatchedV1, ctx, (e, m) => this.projection.shipmentDispatched(m, e.payload));
  }

  @EventPattern(LogisticsShipmentDeliveredV1.topic)
  async onShipmentDelivered(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.shipment-delivered', LogisticsShipmentDeliveredV1, ctx, (e, m) => this.projection.shipmentDelivered(m, e.payload));
  }

  @EventPattern(FinanceInvoiceIssuedV1.topic)
  async onInvoiceIssued(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.invoice-issued', FinanceInvoiceIssuedV1, ctx, (e, m) => this.projection.invoiceIssued(m, e.payload));
  }

  @EventPattern(FinanceInvoiceSettledV1.topic)
  async onInvoiceSettled(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.monitoring.invoice-settled', FinanceInvoiceSettledV1, ctx, (e, m) => this.projection.invoiceSettled(m, e.payload));
  }
}
