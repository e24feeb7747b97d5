import { EventDefinition, deadLetterTopic } from './event-definition';
import { OrderIssueAcknowledgedV1 } from './events/order-issue-acknowledged/order-issue-acknowledged.event';
import { SalesOrderIssuedV1 } from './events/sales-order-issued/sales-order-issued.event';
import { ReviewTaskCompletedV1 } from './events/review-task-completed/review-task-completed.event';
import { ReviewTaskOpenedV1 } from './events/review-task-opened/review-task-opened.event';
import { ReviewTaskOverdueV1 } from './events/review-task-overdue/review-task-overdue.event';
import { SalesOrderReviewConcludedV1 } from './events/sales-order-review-concluded/sales-order-review-concluded.event';
import { FinanceCreditUpdatedV1 } from './events/finance-credit-updated/finance-credit-updated.event';
import { ProductionProductUpdatedV1 } from './events/production-product-updated/production-product-updated.event';
import { SalesCustomerRegisteredV1 } from './events/sales-customer-registered/sales-customer-registered.event';
import { SalesOrderDetailsChangedV1 } from './events/sales-order-details-changed/sales-order-details-changed.event';
import { SalesOrderReceivedV1 } from './events/sales-order-received/sales-order-received.event';
import { SalesOrderReviewRequestedV1 } from './events/sales-order-review-requested/sales-order-review-requested.event';
import { SalesOrderStatusChangedV1 } from './events/sales-order-status-changed/sales-order-status-changed.event';

import { ProductionPlanReleasedV1 } from './events/production-plan-released/production-plan-released.event';
import { ProductionPlanCompletedV1 } from './events/production-plan-completed/production-plan-completed.event';
import { ProductionPlanStoppedV1 } from './events/production-plan-stopped/production-plan-stopped.event';
import { ProductionPlanDraftedV1 } from './events/production-plan-drafted/production-plan-drafted.event';
import { ProductionPlanRevisedV1 } from './events/production-plan-revised/production-plan-revised.event';
import { ProductionTaskProgressedV1 } from './events/production-task-progressed/production-task-progressed.event';
import { ProductionProblemRaisedV1 } from './events/production-problem-raised/production-problem-raised.event';
import { ProductionProblemResolvedV1 } from './events/production-problem-resolved/production-problem-resolved.event';
import { ProductionTechnicalIssueRaisedV1 } from './events/production-technical-issue-raised/production-technical-issue-raised.event';
import { ProductionTechnicalIssueAnsweredV1 } from './events/production-technical-issue-answered/production-technical-issue-answered.event';
import { QualityOrderResultsChangedV1 } from './events/quality-order-results-changed/quality-order-results-changed.event';
import { QualityInspectionRecordedV1 } from './events/quality-inspection-recorded/quality-inspection-recorded.event';
import { QualityNonconformanceRaisedV1 } from './events/quality-nonconformance-raised/quality-nonconformance-raised.event';
import { QualityNonconformanceDispositionedV1 } from './events/quality-nonconformance-dispositioned/quality-nonconformance-dispositioned.event';
import { QualityNonconformanceClosedV1 } from './events/quality-nonconformance-closed/quality-nonconformance-closed.event';
import { PurchasingRequirementsComputedV1 } from './events/purchasing-requirements-computed/purchasing-requirements-computed.event';
import { PurchasingContractSignedV1 } from './events/purchasing-contract-signed/purchasing-contract-signed.event';
import { PurchasingContractDelayedV1 } from './events/purchasing-contract-delayed/purchasing-contract-delayed.event';
import { PurchasingContractOverdueV1 } from './events/purchasing-contract-overdue/purchasing-contract-overdue.event';
import { PurchasingReceiptRecordedV1 } from './events/purchasing-receipt-recorded/purchasing-receipt-recorded.event';
import { PurchasingReceiptInspectedV1 } from './events/purchasing-receipt-inspected/purchasing-receipt-inspected.event';
import { LogisticsShipmentPlannedV1 } from './events/logistics-shipment-planned/logistics-shipment-planned.event';
import { LogisticsShipmentDispatchedV1 } from './events/logistics-shipment-dispatched/logistics-shipment-dispatched.event';
import { LogisticsShipmentDeliveredV1 } from './events/logistics-shipment-delivered/logistics-shipment-delivered.event';
import { ProductionWorkReportedV1 } from './events/production-work-reported/production-work-reported.event';import { SalesSettlementSubmittedV1 } from './events/sales-settlement-submitted/sales-settlement-submitted.event';
import { FinanceSettlementRejectedV1 } from './events/finance-settlement-rejected/finance-settlement-rejected.event';
import { FinanceInvoiceIssuedV1 } from './events/finance-invoice-issued/finance-invoice-issued.event';
import { FinancePaymentRecordedV1 } from './events/finance-payment-recorded/finance-payment-recorded.event';
import { FinanceInvoiceSettledV1 } from './events/finance-invoice-settled/finance-invoice-settled.event';
import { SalesOrderChangeRequestedV1 } from './events/sales-order-change-requested/sales-order-change-requested.event';
import { ChangeImpactAssessedV1 } from './events/change-impact-assessed/change-impact-assessed.event';
import { SalesOrderChangedV1 } from './events/sales-order-changed/sales-order-changed.event';
import { SalesOrderCancellationApprovedV1 } from './events/sales-order-cancellation-approved/sales-order-cancellation-approved.event';
import { OrderCancellationConfirmedV1 } from './events/order-cancellation-confirmed/order-cancellation-confirmed.event';
import { FinanceInvoiceDunnedV1 } from './events/finance-invoice-dunned/finance-invoice-dunned.event';

/** Every event the system knows; topics (and their dead-letter topics) are created up front from this list. */
export const ALL_EVENTS: readonly EventDefinition<unknown>[] = [
  SalesOrderChangeRequestedV1,
  ChangeImpactAssessedV1,
  SalesOrderChangedV1,
  SalesOrderCancellationApprovedV1,
  OrderCancellationConfirmedV1,
  SalesOrderReceivedV1,
  SalesOrderDetailsChangedV1,
  SalesOrderReviewRequestedV1,
  SalesCustomerRegisteredV1,
  FinanceCreditUpdatedV1,
  ProductionProductUpdatedV1,
  ReviewTaskOpenedV1,
  ReviewTaskCompletedV1,
  ReviewTaskOverdueV1,
  SalesOrderReviewConcludedV1,
  SalesOrderIssuedV1,
  OrderIssueAcknowledgedV1,
  SalesOrderStatusChangedV1,
  ProductionPlanReleasedV1,
  ProductionPlanCompletedV1,
  ProductionPlanStoppedV1,
  QualityOrderResultsChangedV1,
  QualityInspectionRecordedV1,
  QualityNonconformanceRaisedV1,
  QualityNonconformanceDispositionedV1,
  QualityNonconformanceClosedV1,
  ProductionPlanDraftedV1,
  ProductionPlanRevisedV1,
  ProductionTaskProgressedV1,
  ProductionProblemRaisedV1,
  ProductionProblemResolvedV1,
  ProductionTechnicalIssueRaisedV1,
  ProductionTechnicalIssueAnsweredV1,
  PurchasingRequirementsComputedV1,
  PurchasingContractSignedV1,
  PurchasingContractDelayedV1,
  PurchasingContractOverdueV1,
  PurchasingReceiptRecordedV1,
  PurchasingReceiptInspectedV1,
  LogisticsShipmentPlannedV1,
  LogisticsShipmentDispatchedV1,
  LogisticsShipmentDeliveredV1,
  ProductionWorkReportedV1,
  SalesSettlementSubmittedV1,
  FinanceSettlementRejectedV1,
  FinanceInvoiceIssuedV1,
  FinancePaymentRecordedV1,
  FinanceInvoiceSettledV1,
  FinanceInvoiceDunnedV1,
];

export const allTopics = (): string[] => ALL_EVENTS.flatMap((e) => [e.topic, deadLetterTopic(e.topic)]);
