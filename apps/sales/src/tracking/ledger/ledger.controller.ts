import { Controller, Get, Inject, Param } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  FinanceInvoiceDunnedV1,
  FinanceInvoiceIssuedV1,
  FinanceInvoiceSettledV1,
  FinancePaymentRecordedV1,
  FinanceSettlementRejectedV1,
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
  ProductionTechnicalIssueAnsweredV1,
  ProductionTechnicalIssueRaisedV1,
  ProductionWorkReportedV1,
  PurchasingContractDelayedV1,
  PurchasingContractOverdueV1,
  PurchasingContractSignedV1,
  PurchasingReceiptInspectedV1,
  PurchasingReceiptRecordedV1,
  PurchasingRequirementsComputedV1,
  QualityInspectionRecordedV1,
  QualityNonconformanceClosedV1,
  QualityNonconformanceDispositionedV1,
  QualityNonconformanceRaisedV1,
  ReviewTaskCompletedV1,
  ReviewTaskOpenedV1,
  ReviewTaskOverdueV1,
  SalesOrderDetailsChangedV1,
  SalesOrderIssuedV1,
  SalesOrderReceivedV1,
  SalesOrderReviewConcludedV1,
  SalesOrderReviewRequestedV1,
  SalesOrderStatusChangedV1,
  SalesSettlementSubmittedV1,
  SalesOrderChangeRequestedV1,
  ChangeImpactAssessedV1,
  SalesOrderChangedV1,
  SalesOrderCancellationApprovedV1,
  OrderCancellationConfirmedV1,
} from '@opm/contracts';
import { ApiAnswers, CurrentPrincipal, type EventContext, Inbox, type Principal, uuidParam } from '@opm/platform';
import { LedgerService, readAt } from './ledger.service';
import { LEDGER_EXAMPLE, LedgerView } from './ledger.view';

@ApiTags('tracking')
@Controller('orders/:id/ledger')
export class LedgerController {
  constructor(@Inject(LedgerService) private readonly ledger: LedgerService) {}

  @Get()
  @ApiOperation({ summary: "The order's tracking ledger: every department's progress, problems and resolutions, in the order they happened for the order (R6.2)" })
  @ApiAnswers(LedgerView, { errors: [400, 404], description: "the order's ledger entries by seq", example: LEDGER_EXAMPLE })
  entries(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<LedgerView> {
    return this.ledger.ledger(id, principal);
  }
}

/**
 * Every order fact of every department, entered into the ledger once (the inbox, one consumer name per topic) in its
 * own transaction. One handler per topic because the transport subscribes by pattern; each is the same one call.
 */
@Controller()
export class LedgerConsumer {
  constructor(
    private readonly inbox: Inbox,
    @Inject(LedgerService) private readonly ledger: LedgerService,
  ) {}

  @EventPattern(SalesOrderReceivedV1.topic)
  async onSalesOrderReceived(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.sales.order.received', SalesOrderReceivedV1, ctx, (e, m) => this.ledger.record(m, SalesOrderReceivedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(SalesOrderDetailsChangedV1.topic)
  async onSalesOrderDetailsChanged(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.sales.order.details-changed', SalesOrderDetailsChangedV1, ctx, (e, m) => this.ledger.record(m, SalesOrderDetailsChangedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(SalesOrderReviewRequestedV1.topic)
  async onSalesOrderReviewRequested(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.sales.order.review-requested', SalesOrderReviewRequestedV1, ctx, (e, m) => this.ledger.record(m, SalesOrderReviewRequestedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ReviewTaskOpenedV1.topic)
  async onReviewTaskOpened(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.review.task.opened', ReviewTaskOpenedV1, ctx, (e, m) => this.ledger.record(m, ReviewTaskOpenedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ReviewTaskCompletedV1.topic)
  async onReviewTaskCompleted(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.review.task.completed', ReviewTaskCompletedV1, ctx, (e, m) => this.ledger.record(m, ReviewTaskCompletedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ReviewTaskOverdueV1.topic)
  async onReviewTaskOverdue(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.review.task.overdue', ReviewTaskOverdueV1, ctx, (e, m) => this.ledger.record(m, ReviewTaskOverdueV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(SalesOrderReviewConcludedV1.topic)
  async onSalesOrderReviewConcluded(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.sales.order.review-concluded', SalesOrderReviewConcludedV1, ctx, (e, m) => this.ledger.record(m, SalesOrderReviewConcludedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(SalesOrderStatusChangedV1.topic)
  async onSalesOrderStatusChanged(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.sales.order.status-changed', SalesOrderStatusChangedV1, ctx, (e, m) => this.ledger.record(m, SalesOrderStatusChangedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(SalesOrderIssuedV1.topic)
  async onSalesOrderIssued(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.sales.order.issued', SalesOrderIssuedV1, ctx, (e, m) => this.ledger.record(m, SalesOrderIssuedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(OrderIssueAcknowledgedV1.topic)
  async onOrderIssueAcknowledged(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.order.issue.acknowledged', OrderIssueAcknowledgedV1, ctx, (e, m) => this.ledger.record(m, OrderIssueAcknowledgedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ProductionPlanDraftedV1.topic)
  async onProductionPlanDrafted(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.production.plan.drafted', ProductionPlanDraftedV1, ctx, (e, m) => this.ledger.record(m, ProductionPlanDraftedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ProductionPlanRevisedV1.topic)
  async onProductionPlanRevised(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.production.plan.revised', ProductionPlanRevisedV1, ctx, (e, m) => this.ledger.record(m, ProductionPlanRevisedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ProductionPlanReleasedV1.topic)
  async onProductionPlanReleased(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.production.plan.released', ProductionPlanReleasedV1, ctx, (e, m) => this.ledger.record(m, ProductionPlanReleasedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ProductionTaskProgressedV1.topic)
  async onProductionTaskProgressed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.production.task.progressed', ProductionTaskProgressedV1, ctx, (e, m) => this.ledger.record(m, ProductionTaskProgressedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ProductionWorkReportedV1.topic)
  async onProductionWorkReported(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.production.work.reported', ProductionWorkReportedV1, ctx, (e, m) => this.ledger.record(m, ProductionWorkReportedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ProductionProblemRaisedV1.topic)
  async onProductionProblemRaised(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.production.problem.raised', ProductionProblemRaisedV1, ctx, (e, m) => this.ledger.record(m, ProductionProblemRaisedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ProductionProblemResolvedV1.topic)
  async onProductionProblemResolved(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.production.problem.resolved', ProductionProblemResolvedV1, ctx, (e, m) => this.ledger.record(m, ProductionProblemResolvedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ProductionPlanCompletedV1.topic)
  async onProductionPlanCompleted(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.production.plan.completed', ProductionPlanCompletedV1, ctx, (e, m) => this.ledger.record(m, ProductionPlanCompletedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ProductionPlanStoppedV1.topic)
  async onProductionPlanStopped(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.production.plan.stopped', ProductionPlanStoppedV1, ctx, (e, m) => this.ledger.record(m, ProductionPlanStoppedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ProductionTechnicalIssueRaisedV1.topic)
  async onProductionTechnicalIssueRaised(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.production.technical-issue.raised', ProductionTechnicalIssueRaisedV1, ctx, (e, m) => this.ledger.record(m, ProductionTechnicalIssueRaisedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ProductionTechnicalIssueAnsweredV1.topic)
  async onProductionTechnicalIssueAnswered(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.production.technical-issue.answered', ProductionTechnicalIssueAnsweredV1, ctx, (e, m) => this.ledger.record(m, ProductionTechnicalIssueAnsweredV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(PurchasingRequirementsComputedV1.topic)
  async onPurchasingRequirementsComputed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.purchasing.requirements.computed', PurchasingRequirementsComputedV1, ctx, (e, m) => this.ledger.record(m, PurchasingRequirementsComputedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(PurchasingContractSignedV1.topic)
  async onPurchasingContractSigned(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.purchasing.contract.signed', PurchasingContractSignedV1, ctx, (e, m) => this.ledger.record(m, PurchasingContractSignedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(PurchasingContractDelayedV1.topic)
  async onPurchasingContractDelayed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.purchasing.contract.delayed', PurchasingContractDelayedV1, ctx, (e, m) => this.ledger.record(m, PurchasingContractDelayedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(PurchasingContractOverdueV1.topic)
  async onPurchasingContractOverdue(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.purchasing.contract.overdue', PurchasingContractOverdueV1, ctx, (e, m) => this.ledger.record(m, PurchasingContractOverdueV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(PurchasingReceiptRecordedV1.topic)
  async onPurchasingReceiptRecorded(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.purchasing.receipt.recorded', PurchasingReceiptRecordedV1, ctx, (e, m) => this.ledger.record(m, PurchasingReceiptRecordedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(PurchasingReceiptInspectedV1.topic)
  async onPurchasingReceiptInspected(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.purchasing.receipt.inspected', PurchasingReceiptInspectedV1, ctx, (e, m) => this.ledger.record(m, PurchasingReceiptInspectedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(QualityInspectionRecordedV1.topic)
  async onQualityInspectionRecorded(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.quality.inspection.recorded', QualityInspectionRecordedV1, ctx, (e, m) => this.ledger.record(m, QualityInspectionRecordedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(QualityNonconformanceRaisedV1.topic)
  async onQualityNonconformanceRaised(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.quality.nonconformance.raised', QualityNonconformanceRaisedV1, ctx, (e, m) => this.ledger.record(m, QualityNonconformanceRaisedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(QualityNonconformanceDispositionedV1.topic)
  async onQualityNonconformanceDispositioned(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.quality.nonconformance.dispositioned', QualityNonconformanceDispositionedV1, ctx, (e, m) => this.ledger.record(m, QualityNonconformanceDispositionedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(QualityNonconformanceClosedV1.topic)
  async onQualityNonconformanceClosed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.quality.nonconformance.closed', QualityNonconformanceClosedV1, ctx, (e, m) => this.ledger.record(m, QualityNonconformanceClosedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(LogisticsShipmentPlannedV1.topic)
  async onLogisticsShipmentPlanned(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.logistics.shipment.planned', LogisticsShipmentPlannedV1, ctx, (e, m) => this.ledger.record(m, LogisticsShipmentPlannedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(LogisticsShipmentDispatchedV1.topic)
  async onLogisticsShipmentDispatched(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.logistics.shipment.dispatched', LogisticsShipmentDispatchedV1, ctx, (e, m) => this.ledger.record(m, LogisticsShipmentDispatchedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(LogisticsShipmentDeliveredV1.topic)
  async onLogisticsShipmentDelivered(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.logistics.shipment.delivered', LogisticsShipmentDeliveredV1, ctx, (e, m) => this.ledger.record(m, LogisticsShipmentDeliveredV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(SalesSettlementSubmittedV1.topic)
  async onSalesSettlementSubmitted(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.sales.settlement.submitted', SalesSettlementSubmittedV1, ctx, (e, m) => this.ledger.record(m, SalesSettlementSubmittedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(FinanceSettlementRejectedV1.topic)
  async onFinanceSettlementRejected(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.finance.settlement.rejected', FinanceSettlementRejectedV1, ctx, (e, m) => this.ledger.record(m, FinanceSettlementRejectedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(FinanceInvoiceIssuedV1.topic)
  async onFinanceInvoiceIssued(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.finance.invoice.issued', FinanceInvoiceIssuedV1, ctx, (e, m) => this.ledger.record(m, FinanceInvoiceIssuedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(FinancePaymentRecordedV1.topic)
  async onFinancePaymentRecorded(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.finance.payment.recorded', FinancePaymentRecordedV1, ctx, (e, m) => this.ledger.record(m, FinancePaymentRecordedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(FinanceInvoiceSettledV1.topic)
  async onFinanceInvoiceSettled(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.finance.invoice.settled', FinanceInvoiceSettledV1, ctx, (e, m) => this.ledger.record(m, FinanceInvoiceSettledV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(FinanceInvoiceDunnedV1.topic)
  async onFinanceInvoiceDunned(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.finance.invoice.dunned', FinanceInvoiceDunnedV1, ctx, (e, m) => this.ledger.record(m, FinanceInvoiceDunnedV1, e, readAt(ctx)).then(() => undefined));
  }
  @EventPattern(SalesOrderChangeRequestedV1.topic)
  async onSalesOrderChangeRequested(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.sales.order.change-requested', SalesOrderChangeRequestedV1, ctx, (e, m) => this.ledger.record(m, SalesOrderChangeRequestedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(ChangeImpactAssessedV1.topic)
  async onChangeImpactAssessed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.change.impact.assessed', ChangeImpactAssessedV1, ctx, (e, m) => this.ledger.record(m, ChangeImpactAssessedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(SalesOrderChangedV1.topic)
  async onSalesOrderChanged(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.sales.order.changed', SalesOrderChangedV1, ctx, (e, m) => this.ledger.record(m, SalesOrderChangedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(SalesOrderCancellationApprovedV1.topic)
  async onSalesOrderCancellationApproved(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.sales.order.cancellation-approved', SalesOrderCancellationApprovedV1, ctx, (e, m) => this.ledger.record(m, SalesOrderCancellationApprovedV1, e, readAt(ctx)).then(() => undefined));
  }

  @EventPattern(OrderCancellationConfirmedV1.topic)
  async onOrderCancellationConfirmed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.tracking.ledger.order.cancellation.confirmed', OrderCancellationConfirmedV1, ctx, (e, m) => this.ledger.record(m, OrderCancellationConfirmedV1, e, readAt(ctx)).then(() => undefined));
  }
}
