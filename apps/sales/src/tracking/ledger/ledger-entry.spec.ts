import { randomUUID } from 'node:crypto';
import { ALL_EVENTS, type Envelope, type EventDefinition, keyedByOrder, parseEvent } from '@opm/contracts';
import * as contracts from '@opm/contracts';
import { LEDGER_SOURCES, LEDGER_TOPICS, ledgerEntryOf } from './ledger-entry';

const ORDER = '3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f1a2b3c';
const ID = '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
const AT = '2026-12-02T09:30:00.000Z';
const OCCURRED = '2026-12-02T09:30:01.000Z';
const HASH = 'a'.repeat(64);
const line = { lineNo: 1, productCode: 'P-100', productName: 'Flange', specification: 'DN50', quantity: 100, unitPrice: '12.50', amount: '1250.00' };
const snapshot = {
  orderId: ORDER,
  number: 'SO-2026-000042',
  channel: 'PHONE',
  customerId: ID,
  orderDate: '2026-12-01',
  deliveryDate: '2027-05-01',
  deliveryPlace: 'Shanghai',
  paymentTerms: '30 days net',
  currency: 'CNY',
  totalAmount: '1250.00',
  lines: [line],
  specialRequirements: { customization: null, packaging: null, transportMode: null, other: null },
};
const assessment = { clear: true, summary: 'capacity available', reasons: [], proposals: [], details: {} };

/** One valid payload per ledger event: parsed through its schema, so a contract change that breaks the ledger fails here. */
const PAYLOADS: Record<string, unknown> = {
  'sales.order.change-requested': { orderId: ORDER, requestId: ID, kind: 'CHANGE', reason: 'customer needs 20 more', changes: { lines: [{ lineNo: 1, quantity: 120 }] }, current: snapshot, proposed: snapshot, departments: ['production', 'purchasing'], requestedBy: 'sales.staff', requestedAt: AT },
  'change.impact.assessed': { orderId: ORDER, requestId: ID, department: 'purchasing', feasible: true, summary: '20 x M-STEEL to buy', details: {}, loss: { workDone: '0.00', materialsCommitted: '120.00', restockingFees: '12.00', currency: 'CNY' }, assessedAt: AT },
  'sales.order.changed': { orderId: ORDER, requestId: ID, version: 2, changes: [{ field: 'lines[1].quantity', from: 100, to: 120 }], order: snapshot, changedBy: 'finance.head', changedAt: AT },
  'sales.order.cancellation-approved': { orderId: ORDER, requestId: ID, number: 'SO-2026-000042', reason: 'customer withdrew', loss: { workDone: '10.00', materialsCommitted: '120.00', restockingFees: '12.00', total: '142.00', currency: 'CNY' }, departments: ['production', 'purchasing'], approvedAt: AT },
  'order.cancellation.confirmed': { orderId: ORDER, requestId: ID, department: 'logistics', outcome: 'CANNOT_COMPLY', detail: 'SH-2026-000001 already dispatched', confirmedAt: AT },
  'sales.order.received': snapshot,
  'sales.order.details-changed': { orderId: ORDER, contactPerson: null, contactPhone: null, deliveryDate: '2027-05-10', deliveryPlace: null, paymentTerms: null, specialRequirements: snapshot.specialRequirements, currency: 'CNY', totalAmount: '1250.00', lines: [line] },
  'sales.order.review-requested': { orderId: ORDER, number: 'SO-2026-000042', round: 1, major: false, order: snapshot },
  'review.task.opened': { orderId: ORDER, round: 1, department: 'PRODUCTION', taskId: ID, dueAt: '2026-12-03T09:30:00.000Z', assessment, openedAt: AT },
  'review.task.completed': { orderId: ORDER, round: 1, department: 'QUALITY', taskId: ID, conclusion: 'PASS', opinion: 'standards attainable', proposals: [], assessment, reviewer: 'quality.head', reviewerRole: 'HEAD', autoConfirmed: false, decidedAt: AT },
  'review.task.overdue': { orderId: ORDER, round: 1, department: 'FINANCE', taskId: ID, dueAt: '2026-12-01T09:30:00.000Z', escalatedAt: AT, escalatedTo: 'finance.head' },
  'sales.order.review-concluded': { orderId: ORDER, round: 1, conclusion: 'PASS', reasons: [], concludedAt: AT },
  'sales.order.status-changed': { orderId: ORDER, number: 'SO-2026-000042', from: 'ISSUED', to: 'IN_EXECUTION', action: 'startExecution', version: 7, reason: null, changedAt: AT },
  'sales.order.issued': { orderId: ORDER, number: 'SO-2026-000042', issuedAt: AT, signedBy: 'sales.head', documentHash: HASH, acknowledgeBy: '2026-12-03T09:30:00.000Z', order: snapshot },
  'order.issue.acknowledged': { orderId: ORDER, department: 'purchasing', documentHash: HASH, acknowledgedAt: AT },
  'production.plan.drafted': { orderId: ORDER, planId: ID, tasks: [{ taskId: ID, name: 'Machining', workCentre: 'CNC', plannedStart: AT, plannedEnd: AT }], checkpoints: [{ name: 'final', source: 'QUALITY_REVIEW' }], unplannedLines: [], draftedAt: AT, plannedEnd: '2027-04-20T17:00:00.000Z', late: false, earliestDeliveryDate: '2027-04-25' },
  'production.plan.revised': { orderId: ORDER, planId: ID, change: 'RESCHEDULED', checkpointCount: 2, revisedBy: 'production.head', revisedAt: AT, plannedEnd: '2027-04-22T17:00:00.000Z', late: true, earliestDeliveryDate: '2027-05-03' },
  'production.plan.released': { orderId: ORDER, planId: ID, releasedBy: 'production.head', releasedAt: AT, plannedEnd: '2027-04-20T17:00:00.000Z', late: false },
  'production.task.progressed': { orderId: ORDER, planId: ID, taskId: ID, taskName: 'Machining', progressPercent: 100, status: 'DONE', planStatus: 'IN_PROGRESS', note: 'all 100 turned', reportedBy: 'production.staff', reportedAt: AT },
  'production.work.reported': { orderId: ORDER, planId: ID, taskId: ID, taskName: 'Machining', workCentre: 'CNC', hours: '6.5', labourRatePerHour: '80.00', overheadRatePerHour: '20.00', currency: 'CNY', reportedBy: 'production.staff', reportedAt: AT },
  'production.problem.raised': { orderId: ORDER, planId: ID, problemId: ID, kind: 'EQUIPMENT_FAILURE', severity: 'MAJOR', description: 'spindle bearing failed', raisedBy: 'production.staff', raisedAt: AT },
  'production.problem.resolved': { orderId: ORDER, planId: ID, problemId: ID, resolution: 'bearing replaced', resolvedBy: 'production.staff', resolvedAt: AT },
  'production.plan.completed': { orderId: ORDER, planId: ID, quantityProduced: 100, completedBy: 'production.head', completedAt: AT },
  'production.plan.stopped': { orderId: ORDER, planId: ID, reason: 'order cancelled', stoppedBy: 'production.head', stoppedAt: AT },
  'production.technical-issue.raised': { orderId: ORDER, issueId: ID, question: 'which tolerance on the bore?', raisedBy: 'production.staff', raisedByDepartment: 'PRODUCTION', raisedAt: AT },
  'production.technical-issue.answered': { orderId: ORDER, issueId: ID, answer: 'H7', answeredBy: 'technical.head', answeredAt: AT },
  'purchasing.requirements.computed': { orderId: ORDER, requirements: [{ materialCode: 'M-STEEL', unit: 'kg', required: '120', reserved: '20', toPurchase: '100', latestOrderDate: '2027-01-10', standardUnitCost: '8.00', currency: 'CNY' }], computedAt: AT },
  'purchasing.contract.signed': { orderId: ORDER, contractId: ID, number: 'PC-2026-000007', supplierId: 'S-1', supplierName: 'Baosteel', lines: [{ materialCode: 'M-STEEL', quantity: '100', unitPrice: '8.00', amount: '800.00' }], totalAmount: '800.00', currency: 'CNY', deliveryDate: '2027-01-20', restockingFeePercent: null, signedBy: 'purchasing.head', signedAt: AT },
  'purchasing.contract.delayed': { orderId: ORDER, contractId: ID, number: 'PC-2026-000007', supplierId: 'S-1', materialCodes: ['M-STEEL'], previousDeliveryDate: '2027-01-20', newDeliveryDate: '2027-02-03', reason: 'furnace maintenance', reportedBy: 'purchasing.staff', reportedAt: AT },
  'purchasing.contract.overdue': { orderId: ORDER, contractId: ID, number: 'PC-2026-000007', supplierId: 'S-1', deliveryDate: '2027-02-03', openLines: [{ materialCode: 'M-STEEL', quantity: '40' }], detectedAt: AT },
  'purchasing.receipt.recorded': { orderId: ORDER, contractId: ID, contractNumber: 'PC-2026-000007', receiptId: ID, lines: [{ materialCode: 'M-STEEL', quantity: '60' }], receivedBy: 'purchasing.staff', receivedAt: AT },
  'purchasing.receipt.inspected': { orderId: ORDER, contractId: ID, contractNumber: 'PC-2026-000007', supplierId: 'S-1', receiptId: ID, result: 'ACCEPTED', disposition: null, lines: [{ materialCode: 'M-STEEL', quantity: '60', unitPrice: '8.00', amount: '480.00' }], currency: 'CNY', contractStatus: 'PARTIALLY_RECEIVED', note: null, inspectedBy: 'quality.staff', inspectedAt: AT },
  'quality.inspection.recorded': { orderId: ORDER, inspectionId: ID, stage: 'FINAL', lot: 'LOT-1', quantityInspected: 100, result: 'PASS', findings: 'as ordered', reportNumber: 'IR-2026-000003', nonconformanceId: null, inspectedBy: 'quality.head', inspectedAt: AT },
  'quality.nonconformance.raised': { orderId: ORDER, nonconformanceId: ID, number: 'NC-2026-000002', inspectionId: ID, stage: 'FINAL', lot: 'LOT-2', description: 'marking missing on 12 flanges', raisedBy: 'quality.head', raisedAt: AT },
  'quality.nonconformance.dispositioned': { orderId: ORDER, nonconformanceId: ID, number: 'NC-2026-000002', disposition: 'REWORK', previousDisposition: null, note: 'mark the 12 flanges', dispositionedBy: 'quality.head', dispositionedAt: AT },
  'quality.nonconformance.closed': { orderId: ORDER, nonconformanceId: ID, number: 'NC-2026-000002', disposition: 'REWORK', closedBy: 'quality.head', closedAt: AT },
  'logistics.shipment.planned': { orderId: ORDER, shipmentId: ID, number: 'SH-2026-000005', lines: [{ lineNo: 1, quantity: 100 }], carrier: 'COSCO Shipping', plannedDate: '2027-04-28', transportMode: 'sea freight', packaging: 'export crate', plannedBy: 'logistics.staff', plannedAt: AT },
  'logistics.shipment.dispatched': { orderId: ORDER, shipmentId: ID, number: 'SH-2026-000005', lines: [{ lineNo: 1, quantity: 100 }], carrier: 'COSCO Shipping', trackingNumber: 'COSU6182736450', dispatchedBy: 'logistics.staff', dispatchedAt: AT },
  'logistics.shipment.delivered': { orderId: ORDER, shipmentId: ID, number: 'SH-2026-000005', lines: [{ lineNo: 1, quantity: 100 }], deliveredTotals: [{ lineNo: 1, quantity: 100 }], receivedBy: 'Li Wei, goods-in', receivedAt: AT, note: null, recordedBy: 'logistics.staff' },
  'sales.settlement.submitted': { orderId: ORDER, settlementId: ID, revision: 1, orderNumber: 'SO-2026-000042', customerId: ID, currency: 'CNY', paymentTerms: '30 days net', lines: [{ lineNo: 1, productName: 'Flange', specification: 'DN50', quantityOrdered: 100, quantityDelivered: 100, unitPrice: '12.50', amount: '1250.00' }], totalAmount: '1250.00', reconciliation: { agreedBy: 'Wang Fang', agreedAt: AT, note: null }, submittedBy: 'sales.staff', submittedAt: AT },
  'finance.settlement.rejected': { orderId: ORDER, settlementId: ID, revision: 1, comment: 'attach the signed proof of delivery', rejectedBy: 'finance.head', rejectedAt: AT },
  'finance.invoice.issued': { orderId: ORDER, invoiceId: ID, number: 'INV-2026-000009', settlementId: ID, revision: 1, customerId: ID, amount: '1250.00', currency: 'CNY', issuedAt: AT, dueDate: '2027-06-01', approvedBy: 'finance.head', comment: null },
  'finance.payment.recorded': { orderId: ORDER, invoiceId: ID, invoiceNumber: 'INV-2026-000009', paymentId: ID, customerId: ID, amount: '500.00', currency: 'CNY', method: 'BANK_TRANSFER', paidAt: AT, reference: 'TT-1', outstanding: '750.00', invoiceStatus: 'PARTIALLY_PAID', recordedBy: 'finance.staff' },
  'finance.invoice.settled': { orderId: ORDER, invoiceId: ID, number: 'INV-2026-000009', amount: '1250.00', currency: 'CNY', payments: 2, settledAt: AT },
  'finance.invoice.dunned': { orderId: ORDER, invoiceId: ID, number: 'INV-2026-000009', customerId: ID, level: 'REMINDER', daysOverdue: 5, outstanding: 75000, currency: 'CNY', dueDate: '2027-06-01', dunnedAt: AT },
};

/** The envelope as the inbox hands it over: validated against the event's schema. */
function envelope<P>(definition: EventDefinition<P>, payload: unknown, actor = 'someone'): Envelope<P> {
  const raw = { eventId: randomUUID(), type: definition.type, version: definition.version, occurredAt: OCCURRED, orderId: ORDER, correlationId: 'c-1', causationId: null, actor: { username: actor }, payload };
  const parsed = parseEvent(definition, raw);
  if (!parsed.ok) throw new Error(`${definition.type}: ${parsed.error}`);
  return parsed.envelope;
}
const entryOf = (type: string, actor?: string) => {
  const definition = LEDGER_SOURCES.find((s) => s.definition.type === type)?.definition as EventDefinition<unknown>;
  const event = envelope(definition, PAYLOADS[type], actor);
  return { event, entry: ledgerEntryOf(definition, event) };
};

describe('ledger entries (R6.2)', () => {
  it('R6.2 reads every order event of ALL_EVENTS but the running quality totals', () => {
    const orderTopics = ALL_EVENTS.filter((e) => keyedByOrder(e)).map((e) => e.topic);
    expect([...LEDGER_TOPICS].sort()).toEqual(orderTopics.filter((t) => t !== contracts.QualityOrderResultsChangedV1.topic).sort());
    expect(Object.keys(PAYLOADS).sort()).toEqual(LEDGER_SOURCES.map((s) => s.definition.type).sort());
  });

  it.each(Object.keys(PAYLOADS))('R6.2 %s becomes one entry with its department, time, actor, reference and a summary', (type) => {
    const { event, entry } = entryOf(type);
    expect(entry.eventId).toBe(event.eventId);
    expect(entry.orderId).toBe(ORDER);
    expect(entry.summary.length).toBeGreaterThan(10);
    expect(entry.summary).not.toMatch(/undefined|\[object/);
    expect(entry.refId.length).toBeGreaterThan(0);
    // The fact's own time where its payload has one (every one but the two order snapshots).
    expect(entry.at).toBe(['sales.order.received', 'sales.order.details-changed', 'sales.order.review-requested'].includes(type) ? OCCURRED : AT);
  });

  it('R6.2 summaries carry the departments\' numbers and words', () => {
    const summary = (type: string) => entryOf(type).entry.summary;
    expect(summary('sales.order.received')).toBe('Order SO-2026-000042 received (phone): 1 line, 1250.00 CNY, delivery 2027-05-01');
    expect(summary('sales.order.status-changed')).toBe('Order SO-2026-000042 ISSUED -> IN_EXECUTION (startExecution)');
    expect(summary('review.task.completed')).toBe('QUALITY review round 1: PASS - standards attainable');
    expect(summary('production.plan.released')).toBe('Production plan released by production.head, planned to end 2027-04-20T17:00:00.000Z');
    expect(summary('production.task.progressed')).toBe('Task "Machining" at 100% (done): all 100 turned');
    expect(summary('production.problem.raised')).toBe('MAJOR problem raised (equipment failure): spindle bearing failed');
    expect(summary('production.problem.resolved')).toBe('Problem resolved by production.staff: bearing replaced');
    expect(summary('purchasing.contract.signed')).toBe('Purchase contract PC-2026-000007 signed with Baosteel: M-STEEL 100, 800.00 CNY, delivery 2027-01-20');
    expect(summary('purchasing.contract.delayed')).toBe('Purchase contract PC-2026-000007 delayed from 2027-01-20 to 2027-02-03: furnace maintenance');
    expect(summary('purchasing.requirements.computed')).toBe('Material requirements computed: 1 material, 1 to purchase (M-STEEL 100 kg)');
    expect(summary('quality.inspection.recorded')).toBe('FINAL inspection of lot LOT-1 (100): PASS, report IR-2026-000003 - as ordered');
    expect(summary('quality.nonconformance.dispositioned')).toBe('Nonconformance NC-2026-000002 disposition rework: mark the 12 flanges');
    expect(summary('logistics.shipment.delivered')).toBe('Shipment SH-2026-000005 delivered, received by Li Wei, goods-in on 2026-12-02: line 1 x 100');
    expect(summary('finance.payment.recorded')).toBe('Payment of 500.00 CNY (bank transfer) on invoice INV-2026-000009; 750.00 outstanding');
  });

  it('R6.2 the department is the one that reported the fact', () => {
    const department = (type: string) => entryOf(type).entry.department;
    expect(department('sales.order.issued')).toBe('SALES');
    expect(department('order.issue.acknowledged')).toBe('PURCHASING');
    expect(department('review.task.opened')).toBe('PRODUCTION');
    expect(department('production.technical-issue.answered')).toBe('TECHNICAL');
    expect(department('purchasing.receipt.inspected')).toBe('PURCHASING');
    expect(department('quality.nonconformance.closed')).toBe('QUALITY');
    expect(department('logistics.shipment.dispatched')).toBe('LOGISTICS');
    expect(department('finance.invoice.dunned')).toBe('FINANCE');
  });

  it('R6.2 the actor is the person the department names, else who caused the event', () => {
    expect(entryOf('production.plan.released', 'system:production').entry.actor).toBe('production.head');
    expect(entryOf('review.task.completed', 'system:quality').entry.actor).toBe('quality.head');
    expect(entryOf('sales.order.status-changed', 'sales.head').entry.actor).toBe('sales.head');
  });

  it('R6.2 R6.5 R1.4 keeps the figures the reports and the performance view compute from', () => {
    expect(entryOf('production.problem.raised').entry.data).toEqual({ severity: 'MAJOR', problemKind: 'EQUIPMENT_FAILURE' });
    expect(entryOf('production.task.progressed').entry.data).toMatchObject({ status: 'DONE', progressPercent: 100 });
    expect(entryOf('quality.inspection.recorded').entry.data).toEqual({ stage: 'FINAL', result: 'PASS', quantityInspected: 100 });
    expect(entryOf('logistics.shipment.delivered').entry.data).toMatchObject({ deliveredTotals: [{ lineNo: 1, quantity: 100 }] });
    expect(entryOf('purchasing.receipt.inspected').entry.data).toMatchObject({ result: 'ACCEPTED' });
    expect(entryOf('logistics.shipment.planned').entry.data).toMatchObject({ plannedDate: '2027-04-28' });
  });

  it('R6.2 the same event always makes the same entry (what the replay relies on)', () => {
    const definition = contracts.ProductionProblemRaisedV1 as EventDefinition<unknown>;
    const event = envelope(definition, PAYLOADS['production.problem.raised']);
    expect(ledgerEntryOf(definition, event)).toEqual(ledgerEntryOf(definition, structuredClone(event)));
  });

  it('refuses an event of a topic the ledger does not read', () => {
    const definition = contracts.QualityOrderResultsChangedV1 as EventDefinition<unknown>;
    const event = envelope(definition, { orderId: ORDER, revision: 1, inspectionsPassed: 1, inspectionsFailed: 0, finalInspectionPassed: true, openNonconformances: 0, changedAt: AT });
    expect(() => ledgerEntryOf(definition, event)).toThrow(/not a ledger topic/);
  });
});
