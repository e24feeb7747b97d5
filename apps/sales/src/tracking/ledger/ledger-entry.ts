import {
  type Department,
  type Envelope,
  type EventDefinition,
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
} from '@opm/contracts';
import { publisherOf } from './ledger-order';

/**
 * The tracking ledger's entry of one fact (R6.2): made from one event by a pure function, the same for the live
 * consumer and the replay command (`tracking/replay/`), so a ledger rebuilt from the topics is the ledger recorded.
 */
export interface LedgerFact {
  eventId: string;
  orderId: string;
  /** When the fact happened, as the department recorded it (the payload's own time, else the envelope's). */
  at: string;
  department: Department;
  actor: string;
  kind: LedgerKind;
  summary: string;
  refType: string;
  refId: string;
  /** The figures reports and the performance view compute from (quantities, results, severities, dates). */
  data: Record<string, unknown>;
  /** The service that published it, and the event whose handling caused it: what orders it (ledger-order.ts). */
  publisher: string;
  causationId: string | null;
}

export const LEDGER_KINDS = [
  'ORDER_RECEIVED',
  'ORDER_DETAILS_CHANGED',
  'REVIEW_REQUESTED',
  'REVIEW_TASK_OPENED',
  'REVIEW_OPINION',
  'REVIEW_TASK_OVERDUE',
  'REVIEW_CONCLUDED',
  'STATUS_CHANGED',
  'ORDER_ISSUED',
  'ISSUE_ACKNOWLEDGED',
  'PLAN_DRAFTED',
  'PLAN_REVISED',
  'PLAN_RELEASED',
  'TASK_PROGRESSED',
  'WORK_REPORTED',
  'PROBLEM_RAISED',
  'PROBLEM_RESOLVED',
  'PLAN_COMPLETED',
  'PLAN_STOPPED',
  'TECHNICAL_ISSUE_RAISED',
  'TECHNICAL_ISSUE_ANSWERED',
  'REQUIREMENTS_COMPUTED',
  'CONTRACT_SIGNED',
  'CONTRACT_DELAYED',
  'CONTRACT_OVERDUE',
  'RECEIPT_RECORDED',
  'RECEIPT_INSPECTED',
  'INSPECTION_RECORDED',
  'NONCONFORMANCE_RAISED',
  'NONCONFORMANCE_DISPOSITIONED',
  'NONCONFORMANCE_CLOSED',
  'SHIPMENT_PLANNED',
  'SHIPMENT_DISPATCHED',
  'SHIPMENT_DELIVERED',
  'SETTLEMENT_SUBMITTED',
  'SETTLEMENT_REJECTED',
  'INVOICE_ISSUED',
  'PAYMENT_RECORDED',
  'INVOICE_SETTLED',
  'INVOICE_DUNNED',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

type Made = Omit<LedgerFact, 'eventId' | 'orderId' | 'actor' | 'publisher' | 'causationId'> & { actor?: string };

/** How one event becomes its entry. */
export interface LedgerSource<P = unknown> {
  definition: EventDefinition<P>;
  make(payload: P, event: Envelope<P>): Made;
}

const source = <P>(definition: EventDefinition<P>, make: (payload: P, event: Envelope<P>) => Made): LedgerSource<P> => ({ definition, make });

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const lines = (ls: { lineNo: number; quantity: number }[]) => ls.map((l) => `line ${l.lineNo} x ${l.quantity}`).join(', ');
const materials = (ls: { materialCode: string; quantity: string }[]) => ls.map((l) => `${l.materialCode} ${l.quantity}`).join(', ');
const day = (iso: string) => iso.slice(0, 10);
const pretty = (s: string) => s.toLowerCase().replace(/_/g, ' ');
/** A review department as a ledger department: TECHNICAL stays itself (production's engineering answers it). */
const SERVICE_DEPARTMENT: Record<string, Department> = { production: 'PRODUCTION', purchasing: 'PURCHASING', quality: 'QUALITY', finance: 'FINANCE', logistics: 'LOGISTICS' };

/**
 * Every fact the ledger keeps, one source per topic. Not kept: quality.order.results-changed (a running total of
 * the inspections and nonconformances already entered one by one) and the master-data events (not an order's).
 */
export const LEDGER_SOURCES: readonly LedgerSource<never>[] = [
  source(SalesOrderReceivedV1, (p, e) => ({
    at: e.occurredAt,
    department: 'SALES',
    kind: 'ORDER_RECEIVED',
    summary: `Order ${p.number} received (${pretty(p.channel)}): ${plural(p.lines.length, 'line')}, ${p.totalAmount} ${p.currency}, delivery ${p.deliveryDate ?? 'date to be agreed'}`,
    refType: 'order',
    refId: p.orderId,
    data: { number: p.number, deliveryDate: p.deliveryDate, lines: p.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })) },
  })),
  source(SalesOrderDetailsChangedV1, (p, e) => ({
    at: e.occurredAt,
    department: 'SALES',
    kind: 'ORDER_DETAILS_CHANGED',
    summary: `Order details changed: ${plural(p.lines.length, 'line')}, ${p.totalAmount} ${p.currency}, delivery ${p.deliveryDate ?? 'date to be agreed'}`,
    refType: 'order',
    refId: p.orderId,
    data: { deliveryDate: p.deliveryDate, lines: p.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })) },
  })),
  source(SalesOrderReviewRequestedV1, (p, e) => ({
    at: e.occurredAt,
    department: 'SALES',
    kind: 'REVIEW_REQUESTED',
    summary: `Order ${p.number} sent to review, round ${p.round}${p.major ? ' (major: panel review)' : ''}`,
    refType: 'review-round',
    refId: `${p.orderId}:${p.round}`,
    data: { round: p.round, major: p.major },
  })),
  source(ReviewTaskOpenedV1, (p) => ({
    at: p.openedAt,
    department: p.department,
    kind: 'REVIEW_TASK_OPENED',
    summary: `${p.department} opened its review task for round ${p.round}, due ${p.dueAt}: ${p.assessment.summary}`,
    refType: 'review-task',
    refId: p.taskId,
    data: { round: p.round, dueAt: p.dueAt, clear: p.assessment.clear },
  })),
  source(ReviewTaskCompletedV1, (p) => ({
    at: p.decidedAt,
    department: p.department,
    actor: p.reviewer,
    kind: 'REVIEW_OPINION',
    summary: `${p.department} review round ${p.round}: ${p.conclusion}${p.autoConfirmed ? ' (clear assessment confirmed automatically)' : ''} - ${p.opinion}`,
    refType: 'review-task',
    refId: p.taskId,
    data: { round: p.round, conclusion: p.conclusion, autoConfirmed: p.autoConfirmed },
  })),
  source(ReviewTaskOverdueV1, (p) => ({
    at: p.escalatedAt,
    department: p.department,
    kind: 'REVIEW_TASK_OVERDUE',
    summary: `${p.department} review task of round ${p.round} overdue since ${p.dueAt}: escalated to ${p.escalatedTo}`,
    refType: 'review-task',
    refId: p.taskId,
    data: { round: p.round, dueAt: p.dueAt },
  })),
  source(SalesOrderReviewConcludedV1, (p) => ({
    at: p.concludedAt,
    department: 'SALES',
    kind: 'REVIEW_CONCLUDED',
    summary: `Review round ${p.round} concluded: ${p.conclusion}${p.reasons.length ? ` (${p.reasons.join('; ')})` : ''}`,
    refType: 'review-round',
    refId: `${p.orderId}:${p.round}`,
    data: { round: p.round, conclusion: p.conclusion },
  })),
  source(SalesOrderStatusChangedV1, (p) => ({
    at: p.changedAt,
    department: 'SALES',
    kind: 'STATUS_CHANGED',
    summary: `Order ${p.number} ${p.from} -> ${p.to} (${p.action})${p.reason ? `: ${p.reason}` : ''}`,
    refType: 'order',
    refId: p.orderId,
    data: { from: p.from, to: p.to, action: p.action, version: p.version },
  })),
  source(SalesOrderIssuedV1, (p) => ({
    at: p.issuedAt,
    department: 'SALES',
    actor: p.signedBy,
    kind: 'ORDER_ISSUED',
    summary: `Order ${p.number} issued, signed by ${p.signedBy}; acknowledgements due by ${p.acknowledgeBy}`,
    refType: 'issuance',
    refId: p.documentHash,
    data: { acknowledgeBy: p.acknowledgeBy },
  })),
  source(OrderIssueAcknowledgedV1, (p) => ({
    at: p.acknowledgedAt,
    department: SERVICE_DEPARTMENT[p.department],
    kind: 'ISSUE_ACKNOWLEDGED',
    summary: `${SERVICE_DEPARTMENT[p.department]} acknowledged the issued order (document ${p.documentHash.slice(0, 12)})`,
    refType: 'issuance',
    refId: p.documentHash,
    data: {},
  })),
  source(ProductionPlanDraftedV1, (p) => ({
    at: p.draftedAt,
    department: 'PRODUCTION',
    kind: 'PLAN_DRAFTED',
    summary: `Production plan drafted: ${plural(p.tasks.length, 'task')}, ${plural(p.checkpoints.length, 'checkpoint')}, ends ${p.plannedEnd ?? 'unscheduled'}${p.late ? ', LATE for the promised date' : ''}${p.unplannedLines.length ? `; lines ${p.unplannedLines.join(', ')} unplanned` : ''}`,
    refType: 'production-plan',
    refId: p.planId,
    data: { plannedEnd: p.plannedEnd, late: p.late, earliestDeliveryDate: p.earliestDeliveryDate, tasks: p.tasks.length },
  })),
  source(ProductionPlanRevisedV1, (p) => ({
    at: p.revisedAt,
    department: 'PRODUCTION',
    kind: 'PLAN_REVISED',
    summary: `Production plan ${p.change === 'RESCHEDULED' ? 'rescheduled' : 'checkpoints updated'}: ends ${p.plannedEnd ?? 'unscheduled'}${p.late ? ', LATE for the promised date' : ''}, ${plural(p.checkpointCount, 'checkpoint')}`,
    refType: 'production-plan',
    refId: p.planId,
    data: { change: p.change, plannedEnd: p.plannedEnd, late: p.late, earliestDeliveryDate: p.earliestDeliveryDate },
  })),
  source(ProductionPlanReleasedV1, (p) => ({
    at: p.releasedAt,
    department: 'PRODUCTION',
    actor: p.releasedBy,
    kind: 'PLAN_RELEASED',
    summary: `Production plan released by ${p.releasedBy}, planned to end ${p.plannedEnd}${p.late ? ' (LATE for the promised date)' : ''}`,
    refType: 'production-plan',
    refId: p.planId,
    data: { plannedEnd: p.plannedEnd, late: p.late },
  })),
  source(ProductionTaskProgressedV1, (p) => ({
    at: p.reportedAt,
    department: 'PRODUCTION',
    actor: p.reportedBy,
    kind: 'TASK_PROGRESSED',
    summary: `Task "${p.taskName}" at ${p.progressPercent}%${p.status === 'DONE' ? ' (done)' : ''}${p.note ? `: ${p.note}` : ''}`,
    refType: 'production-task',
    refId: p.taskId,
    data: { planId: p.planId, progressPercent: p.progressPercent, status: p.status },
  })),
  source(ProductionWorkReportedV1, (p) => ({
    at: p.reportedAt,
    department: 'PRODUCTION',
    actor: p.reportedBy,
    kind: 'WORK_REPORTED',
    summary: `${p.hours} h worked on "${p.taskName}" at ${p.workCentre}`,
    refType: 'production-task',
    refId: p.taskId,
    data: { hours: p.hours, workCentre: p.workCentre },
  })),
  source(ProductionProblemRaisedV1, (p) => ({
    at: p.raisedAt,
    department: 'PRODUCTION',
    actor: p.raisedBy,
    kind: 'PROBLEM_RAISED',
    summary: `${p.severity} problem raised (${pretty(p.kind)}): ${p.description}`,
    refType: 'production-problem',
    refId: p.problemId,
    data: { severity: p.severity, problemKind: p.kind },
  })),
  source(ProductionProblemResolvedV1, (p) => ({
    at: p.resolvedAt,
    department: 'PRODUCTION',
    actor: p.resolvedBy,
    kind: 'PROBLEM_RESOLVED',
    summary: `Problem resolved by ${p.resolvedBy}: ${p.resolution}`,
    refType: 'production-problem',
    refId: p.problemId,
    data: {},
  })),
  source(ProductionPlanCompletedV1, (p) => ({
    at: p.completedAt,
    department: 'PRODUCTION',
    actor: p.completedBy,
    kind: 'PLAN_COMPLETED',
    summary: `Production completed: ${p.quantityProduced} produced`,
    refType: 'production-plan',
    refId: p.planId,
    data: { quantityProduced: p.quantityProduced },
  })),
  source(ProductionPlanStoppedV1, (p) => ({
    at: p.stoppedAt,
    department: 'PRODUCTION',
    actor: p.stoppedBy,
    kind: 'PLAN_STOPPED',
    summary: `Production plan stopped by ${p.stoppedBy}: ${p.reason}`,
    refType: 'production-plan',
    refId: p.planId,
    data: {},
  })),
  source(ProductionTechnicalIssueRaisedV1, (p) => ({
    at: p.raisedAt,
    department: 'TECHNICAL',
    actor: p.raisedBy,
    kind: 'TECHNICAL_ISSUE_RAISED',
    summary: `Technical question from ${p.raisedByDepartment}: ${p.question}`,
    refType: 'technical-issue',
    refId: p.issueId,
    data: { raisedByDepartment: p.raisedByDepartment },
  })),
  source(ProductionTechnicalIssueAnsweredV1, (p) => ({
    at: p.answeredAt,
    department: 'TECHNICAL',
    actor: p.answeredBy,
    kind: 'TECHNICAL_ISSUE_ANSWERED',
    summary: `Technical question answered by ${p.answeredBy}: ${p.answer}`,
    refType: 'technical-issue',
    refId: p.issueId,
    data: {},
  })),
  source(PurchasingRequirementsComputedV1, (p) => {
    const toBuy = p.requirements.filter((r) => Number(r.toPurchase) > 0);
    return {
      at: p.computedAt,
      department: 'PURCHASING',
      kind: 'REQUIREMENTS_COMPUTED',
      summary: `Material requirements computed: ${plural(p.requirements.length, 'material')}, ${toBuy.length} to purchase${toBuy.length ? ` (${toBuy.map((r) => `${r.materialCode} ${r.toPurchase} ${r.unit}`).join(', ')})` : ''}`,
      refType: 'requirements',
      refId: p.orderId,
      data: { materials: p.requirements.length, toPurchase: toBuy.length },
    };
  }),
  source(PurchasingContractSignedV1, (p) => ({
    at: p.signedAt,
    department: 'PURCHASING',
    actor: p.signedBy,
    kind: 'CONTRACT_SIGNED',
    summary: `Purchase contract ${p.number} signed with ${p.supplierName}: ${materials(p.lines)}, ${p.totalAmount} ${p.currency}, delivery ${p.deliveryDate}`,
    refType: 'purchase-contract',
    refId: p.contractId,
    data: { number: p.number, deliveryDate: p.deliveryDate },
  })),
  source(PurchasingContractDelayedV1, (p) => ({
    at: p.reportedAt,
    department: 'PURCHASING',
    actor: p.reportedBy,
    kind: 'CONTRACT_DELAYED',
    summary: `Purchase contract ${p.number} delayed from ${p.previousDeliveryDate} to ${p.newDeliveryDate}: ${p.reason}`,
    refType: 'purchase-contract',
    refId: p.contractId,
    data: { number: p.number, previousDeliveryDate: p.previousDeliveryDate, newDeliveryDate: p.newDeliveryDate },
  })),
  source(PurchasingContractOverdueV1, (p) => ({
    at: p.detectedAt,
    department: 'PURCHASING',
    kind: 'CONTRACT_OVERDUE',
    summary: `Purchase contract ${p.number} overdue since ${p.deliveryDate}: ${materials(p.openLines)} not received`,
    refType: 'purchase-contract',
    refId: p.contractId,
    data: { number: p.number, deliveryDate: p.deliveryDate },
  })),
  source(PurchasingReceiptRecordedV1, (p) => ({
    at: p.receivedAt,
    department: 'PURCHASING',
    actor: p.receivedBy,
    kind: 'RECEIPT_RECORDED',
    summary: `Goods received against ${p.contractNumber}: ${materials(p.lines)}`,
    refType: 'receipt',
    refId: p.receiptId,
    data: { contractNumber: p.contractNumber },
  })),
  source(PurchasingReceiptInspectedV1, (p) => ({
    at: p.inspectedAt,
    department: 'PURCHASING',
    actor: p.inspectedBy,
    kind: 'RECEIPT_INSPECTED',
    summary: `Receipt against ${p.contractNumber} ${p.result}${p.disposition ? ` (${pretty(p.disposition)})` : ''}: ${materials(p.lines)}${p.note ? ` - ${p.note}` : ''}`,
    refType: 'receipt',
    refId: p.receiptId,
    data: { contractNumber: p.contractNumber, result: p.result },
  })),
  source(QualityInspectionRecordedV1, (p) => ({
    at: p.inspectedAt,
    department: 'QUALITY',
    actor: p.inspectedBy,
    kind: 'INSPECTION_RECORDED',
    summary: `${p.stage} inspection of lot ${p.lot} (${p.quantityInspected}): ${p.result}${p.reportNumber ? `, report ${p.reportNumber}` : ''}${p.findings ? ` - ${p.findings}` : ''}`,
    refType: 'inspection',
    refId: p.inspectionId,
    data: { stage: p.stage, result: p.result, quantityInspected: p.quantityInspected },
  })),
  source(QualityNonconformanceRaisedV1, (p) => ({
    at: p.raisedAt,
    department: 'QUALITY',
    actor: p.raisedBy,
    kind: 'NONCONFORMANCE_RAISED',
    summary: `Nonconformance ${p.number} raised on ${p.stage} lot ${p.lot}: ${p.description}`,
    refType: 'nonconformance',
    refId: p.nonconformanceId,
    data: { number: p.number, stage: p.stage },
  })),
  source(QualityNonconformanceDispositionedV1, (p) => ({
    at: p.dispositionedAt,
    department: 'QUALITY',
    actor: p.dispositionedBy,
    kind: 'NONCONFORMANCE_DISPOSITIONED',
    summary: `Nonconformance ${p.number} disposition ${pretty(p.disposition)}${p.previousDisposition ? ` (was ${pretty(p.previousDisposition)})` : ''}: ${p.note}`,
    refType: 'nonconformance',
    refId: p.nonconformanceId,
    data: { number: p.number, disposition: p.disposition },
  })),
  source(QualityNonconformanceClosedV1, (p) => ({
    at: p.closedAt,
    department: 'QUALITY',
    actor: p.closedBy,
    kind: 'NONCONFORMANCE_CLOSED',
    summary: `Nonconformance ${p.number} closed (${pretty(p.disposition)})`,
    refType: 'nonconformance',
    refId: p.nonconformanceId,
    data: { number: p.number },
  })),
  source(LogisticsShipmentPlannedV1, (p) => ({
    at: p.plannedAt,
    department: 'LOGISTICS',
    actor: p.plannedBy,
    kind: 'SHIPMENT_PLANNED',
    summary: `Shipment ${p.number} planned for ${p.plannedDate} by ${p.carrier} (${p.transportMode}): ${lines(p.lines)}`,
    refType: 'shipment',
    refId: p.shipmentId,
    data: { number: p.number, plannedDate: p.plannedDate },
  })),
  source(LogisticsShipmentDispatchedV1, (p) => ({
    at: p.dispatchedAt,
    department: 'LOGISTICS',
    actor: p.dispatchedBy,
    kind: 'SHIPMENT_DISPATCHED',
    summary: `Shipment ${p.number} dispatched with ${p.carrier}${p.trackingNumber ? ` (${p.trackingNumber})` : ''}: ${lines(p.lines)}`,
    refType: 'shipment',
    refId: p.shipmentId,
    data: { number: p.number, lines: p.lines },
  })),
  source(LogisticsShipmentDeliveredV1, (p) => ({
    at: p.receivedAt,
    department: 'LOGISTICS',
    actor: p.recordedBy,
    kind: 'SHIPMENT_DELIVERED',
    summary: `Shipment ${p.number} delivered, received by ${p.receivedBy} on ${day(p.receivedAt)}: ${lines(p.lines)}`,
    refType: 'shipment',
    refId: p.shipmentId,
    data: { number: p.number, lines: p.lines, deliveredTotals: p.deliveredTotals },
  })),
  source(SalesSettlementSubmittedV1, (p) => ({
    at: p.submittedAt,
    department: 'SALES',
    actor: p.submittedBy,
    kind: 'SETTLEMENT_SUBMITTED',
    summary: `Settlement list submitted (revision ${p.revision}): ${p.totalAmount} ${p.currency}`,
    refType: 'settlement',
    refId: p.settlementId,
    data: { revision: p.revision },
  })),
  source(FinanceSettlementRejectedV1, (p) => ({
    at: p.rejectedAt,
    department: 'FINANCE',
    actor: p.rejectedBy,
    kind: 'SETTLEMENT_REJECTED',
    summary: `Settlement list revision ${p.revision} rejected by ${p.rejectedBy}: ${p.comment}`,
    refType: 'settlement',
    refId: p.settlementId,
    data: { revision: p.revision },
  })),
  source(FinanceInvoiceIssuedV1, (p) => ({
    at: p.issuedAt,
    department: 'FINANCE',
    actor: p.approvedBy,
    kind: 'INVOICE_ISSUED',
    summary: `Invoice ${p.number} issued: ${p.amount} ${p.currency}, due ${p.dueDate}`,
    refType: 'invoice',
    refId: p.invoiceId,
    data: { number: p.number, dueDate: p.dueDate },
  })),
  source(FinancePaymentRecordedV1, (p) => ({
    at: p.paidAt,
    department: 'FINANCE',
    actor: p.recordedBy,
    kind: 'PAYMENT_RECORDED',
    summary: `Payment of ${p.amount} ${p.currency} (${pretty(p.method)}) on invoice ${p.invoiceNumber}; ${p.outstanding} outstanding`,
    refType: 'payment',
    refId: p.paymentId,
    data: { invoiceNumber: p.invoiceNumber, invoiceStatus: p.invoiceStatus },
  })),
  source(FinanceInvoiceSettledV1, (p) => ({
    at: p.settledAt,
    department: 'FINANCE',
    kind: 'INVOICE_SETTLED',
    summary: `Invoice ${p.number} paid in full: ${p.amount} ${p.currency} in ${plural(p.payments, 'payment')}`,
    refType: 'invoice',
    refId: p.invoiceId,
    data: { number: p.number },
  })),
  source(FinanceInvoiceDunnedV1, (p) => ({
    at: p.dunnedAt,
    department: 'FINANCE',
    kind: 'INVOICE_DUNNED',
    summary: `Invoice ${p.number} dunned (${pretty(p.level)}): ${p.daysOverdue} days overdue, ${p.outstanding} minor units of ${p.currency} outstanding`,
    refType: 'invoice',
    refId: p.invoiceId,
    data: { number: p.number, level: p.level, daysOverdue: p.daysOverdue },
  })),
] as unknown as readonly LedgerSource<never>[];

const BY_TOPIC = new Map(LEDGER_SOURCES.map((s) => [s.definition.topic, s]));

/** The topics the ledger reads: the live consumer subscribes to each, the replay reads each from offset 0. */
export const LEDGER_TOPICS: readonly string[] = LEDGER_SOURCES.map((s) => s.definition.topic);

export const ledgerSourceOf = (topic: string): LedgerSource<unknown> | undefined => BY_TOPIC.get(topic) as LedgerSource<unknown> | undefined;

/** The entry an event of a ledger topic makes (an already validated envelope); the pure heart of R6.2. */
export function ledgerEntryOf<P>(definition: EventDefinition<P>, event: Envelope<P>): LedgerFact {
  const found = BY_TOPIC.get(definition.topic) as LedgerSource<P> | undefined;
  if (!found) throw new Error(`${definition.topic} is not a ledger topic`);
  if (!event.orderId) throw new Error(`${definition.type} ${event.eventId} carries no order id`);
  const made = found.make(event.payload, event);
  return {
    eventId: event.eventId,
    orderId: event.orderId,
    ...made,
    at: new Date(made.at).toISOString(),
    actor: made.actor ?? event.actor.username,
    publisher: publisherOf(definition as EventDefinition<unknown>, event.payload),
    causationId: event.causationId,
  };
}
