import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Not } from 'typeorm';
import {
  fromMinorUnits,
  type Envelope,
  type ProductionWorkReported,
  type PurchasingReceiptInspected,
  type PurchasingRequirementsComputed,
  toMilliUnits,
  toMinorUnits,
} from '@opm/contracts';
import { AuditLog, NotFoundProblem, NotYetApplicable } from '@opm/platform';
import { ReceivedOrder, ReviewTask } from '@opm/workflow';
import { type CostBreakdown, type CostCategory, type CostEntry, type CostSource, formatBreakdown, hoursCost, materialCost, plannedFromEstimate, rollUp, toHundredthsOfHour } from './cost-rules';
import { CostEntryRecord, OrderCost } from './order-cost.entities';
import type { OrderCostsView } from './order-costs.view';

/** The cost part of finance's review assessment (`costAssessment` in review/cost-assessment.ts). */
interface ReviewCostDetails {
  currency?: string;
  cost?: { materials: string; labour: string; overhead: string; total: string };
  costBasis?: string;
  uncostedLines?: number[];
}

type NewEntry = Omit<CostEntryRecord, 'id' | 'orderId' | 'recordedAt' | 'sourceEventId' | 'occurredAt'>;

function plannedOf(cost: OrderCost): CostBreakdown | null {
  if (cost.plannedTotal === null || cost.plannedMaterials === null || cost.plannedLabour === null || cost.plannedOverhead === null) return null;
  return { materials: cost.plannedMaterials, labour: cost.plannedLabour, overhead: cost.plannedOverhead, total: cost.plannedTotal };
}

/**
 * Cost accounting per order (R5.6). The plan is finance's own review estimate, kept when the order is issued; the
 * actuals are recorded from production's work reports and purchasing's accepted receipts and reserved stock, each
 * in the consumer's transaction (the inbox applies an event once, and `sourceKey` keeps one cost once even if
 * another event carried it again). Every writer of an order's costs locks its `finance_order_cost` row first. The
 * arithmetic is `cost-rules.ts`.
 */
@Injectable()
export class CostsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /**
   * At issuance: the planned cost is the estimate finance's review showed for the order's latest round, exactly
   * (its materials, labour, overhead and total), not a new calculation. A later issue (after a change went through
   * review again) takes the newer round's.
   */
  async planAtIssue(m: EntityManager, order: ReceivedOrder): Promise<void> {
    const cost = await this.lockAccount(m, order.orderId);
    const task = await m.findOne(ReviewTask, {
      where: { orderId: order.orderId, department: 'FINANCE', status: Not('SUPERSEDED') },
      order: { round: 'DESC', openedAt: 'DESC' },
    });
    const details = (task?.assessment.details ?? {}) as ReviewCostDetails;
    if (!task || !details.cost || details.currency !== order.currency) {
      await this.audit.record(m, {
        action: 'order-cost.unplanned',
        entityType: 'order-cost',
        entityId: order.orderId,
        orderId: order.orderId,
        reason: !task ? 'no finance review estimate for the order' : `the review estimate is not in the order's currency ${order.currency}`,
      });
      return;
    }
    const planned = plannedFromEstimate(details.cost);
    const change = {
      plannedMaterials: planned.materials,
      plannedLabour: planned.labour,
      plannedOverhead: planned.overhead,
      plannedTotal: planned.total,
      reviewTaskId: task.id,
      reviewRound: task.round,
      costBasis: details.costBasis ?? null,
      uncostedLines: details.uncostedLines ?? [],
      plannedAt: new Date(),
    };
    await m.update(OrderCost, { orderId: order.orderId }, change);
    await this.audit.record(m, {
      action: 'order-cost.planned',
      entityType: 'order-cost',
      entityId: order.orderId,
      orderId: order.orderId,
      reason: `finance review round ${task.round}`,
      before: plannedOf(cost) ? formatBreakdown(plannedOf(cost) as CostBreakdown) : null,
      after: { ...formatBreakdown(planned), currency: cost.currency, reviewTaskId: task.id },
    });
  }

  /** Production's hours on a task (R5.6): labour and overhead at the work centre's rates the event carries. */
  async applyWorkReported(m: EntityManager, event: Envelope<ProductionWorkReported>): Promise<void> {
    const p = event.payload;
    await this.lockAccount(m, p.orderId);
    const detail = { taskId: p.taskId, taskName: p.taskName, workCentre: p.workCentre, hours: p.hours, reportedBy: p.reportedBy, reportedAt: p.reportedAt };
    await this.record(m, p.orderId, event, [
      { category: 'LABOUR', source: 'WORK_REPORT', ref: p.taskId, sourceKey: `work:${event.eventId}:LABOUR`, amount: hoursCost(p.hours, p.labourRatePerHour), currency: p.currency, detail: { ...detail, ratePerHour: p.labourRatePerHour } },
      { category: 'OVERHEAD', source: 'WORK_REPORT', ref: p.taskId, sourceKey: `work:${event.eventId}:OVERHEAD`, amount: hoursCost(p.hours, p.overheadRatePerHour), currency: p.currency, detail: { ...detail, ratePerHour: p.overheadRatePerHour } },
    ]);
  }

  /**
   * Quality's verdict on goods received against a purchase contract: accepted lines are the order's actual material
   * cost at the contract's prices; rejected goods cost the order nothing (they go back or are exchanged).
   */
  async applyReceiptInspected(m: EntityManager, event: Envelope<PurchasingReceiptInspected>): Promise<void> {
    const p = event.payload;
    if (p.result !== 'ACCEPTED') return;
    await this.lockAccount(m, p.orderId);
    await this.record(
      m,
      p.orderId,
      event,
      p.lines.map((l, i) => ({
        category: 'MATERIALS' as const,
        source: 'RECEIPT' as const,
        ref: p.receiptId,
        sourceKey: `receipt:${p.receiptId}:${i}`,
        amount: toMinorUnits(l.amount),
        currency: p.currency,
        detail: { contractId: p.contractId, contractNumber: p.contractNumber, supplierId: p.supplierId, materialCode: l.materialCode, quantity: l.quantity, unitPrice: l.unitPrice },
      })),
    );
  }

  /**
   * Free stock purchasing reserved for the order, charged at its standard cost. The latest computation replaces the
   * one before (a recomputation reserves anew); an older one arriving late changes nothing.
   */
  async applyRequirementsComputed(m: EntityManager, event: Envelope<PurchasingRequirementsComputed>): Promise<void> {
    const p = event.payload;
    const cost = await this.lockAccount(m, p.orderId);
    const computedAt = new Date(p.computedAt);
    if (cost.stockComputedAt && cost.stockComputedAt.getTime() >= computedAt.getTime()) return;
    await m.delete(CostEntryRecord, { orderId: p.orderId, source: 'RESERVED_STOCK' });
    await m.update(OrderCost, { orderId: p.orderId }, { stockComputedAt: computedAt });
    const reserved = p.requirements.filter((r) => toMilliUnits(r.reserved) > 0n);
    await this.record(
      m,
      p.orderId,
      event,
      reserved.map((r) => ({
        category: 'MATERIALS' as const,
        source: 'RESERVED_STOCK' as const,
        ref: r.materialCode,
        sourceKey: `stock:${event.eventId}:${r.materialCode}`,
        amount: r.standardUnitCost === null ? null : materialCost(r.reserved, r.standardUnitCost),
        currency: r.currency,
        detail: { materialCode: r.materialCode, unit: r.unit, reserved: r.reserved, standardUnitCost: r.standardUnitCost, computedAt: p.computedAt },
      })),
    );
  }

  /** GET /finance/orders/{orderId}/costs: 404 for an order finance never received. */
  async get(orderId: string): Promise<OrderCostsView> {
    const view = await this.view(this.dataSource.manager, orderId);
    if (view) return view;
    const order = await this.dataSource.getRepository(ReceivedOrder).findOneBy({ orderId });
    if (!order) throw new NotFoundProblem(`order ${orderId} has not reached finance`);
    return this.render(orderId, order.currency, null, []);
  }

  /** The order's costs, null while finance has no cost account for it (nothing issued or reported yet). */
  async view(m: EntityManager, orderId: string): Promise<OrderCostsView | null> {
    const cost = await m.findOneBy(OrderCost, { orderId });
    if (!cost) return null;
    const entries = await m.find(CostEntryRecord, { where: { orderId }, order: { occurredAt: 'ASC', sourceKey: 'ASC' } });
    return this.render(orderId, cost.currency, cost, entries);
  }

  private render(orderId: string, currency: string, cost: OrderCost | null, entries: CostEntryRecord[]): OrderCostsView {
    const planned = cost ? plannedOf(cost) : null;
    const { actual, variance, bySource, notCounted } = rollUp(currency, planned, entries satisfies CostEntry[]);
    const work = entries.filter((e) => e.source === 'WORK_REPORT' && e.category === 'LABOUR');
    const hundredths = work.reduce((sum, e) => sum + toHundredthsOfHour(String(e.detail.hours)), 0n);
    return {
      orderId,
      currency,
      planned: planned ? formatBreakdown(planned) : null,
      actual: formatBreakdown(actual),
      variance: variance ? formatBreakdown(variance) : null,
      plannedFrom:
        cost && planned && cost.reviewTaskId && cost.reviewRound !== null && cost.plannedAt
          ? { reviewTaskId: cost.reviewTaskId, reviewRound: cost.reviewRound, costBasis: cost.costBasis, uncostedLines: cost.uncostedLines, plannedAt: cost.plannedAt.toISOString() }
          : null,
      actualFrom: {
        // Hundredths of an hour as a 2-decimal figure: the same digits as money's minor units.
        hoursWorked: fromMinorUnits(hundredths),
        workReports: work.length,
        acceptedReceipts: new Set(entries.filter((e) => e.source === 'RECEIPT').map((e) => e.ref)).size,
        receiptMaterials: fromMinorUnits(bySource.RECEIPT),
        reservedStockLines: entries.filter((e) => e.source === 'RESERVED_STOCK').length,
        stockMaterials: fromMinorUnits(bySource.RESERVED_STOCK),
      },
      notCounted: notCounted.map((e) => ({
        category: e.category,
        source: e.source,
        ref: e.ref,
        amount: e.amount === null ? null : fromMinorUnits(e.amount),
        currency: e.currency,
        reason: e.amount === null ? 'no standard cost to value it at' : `in ${e.currency}, the order is in ${currency}: no exchange rate`,
      })),
    };
  }

  /** The order's cost account, created on first use and locked: writers of one order's costs queue on it. */
  private async lockAccount(m: EntityManager, orderId: string): Promise<OrderCost> {
    const order = await m.findOneBy(ReceivedOrder, { orderId });
    if (!order) throw new NotYetApplicable(`order ${orderId} has not reached finance yet`);
    await m.query(`INSERT INTO finance_order_cost ("orderId", currency) VALUES ($1, $2) ON CONFLICT ("orderId") DO NOTHING`, [orderId, order.currency]);
    return m.getRepository(OrderCost).createQueryBuilder('c').setLock('pessimistic_write').where('c."orderId" = :orderId', { orderId }).getOneOrFail();
  }

  /** Inserts the event's costs, skipping any already recorded under the same key; one audit entry for what was new. */
  private async record(m: EntityManager, orderId: string, event: Envelope<unknown>, entries: (NewEntry & { category: CostCategory; source: CostSource })[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((e) => ({ ...e, id: randomUUID(), orderId, sourceEventId: event.eventId, occurredAt: new Date(event.occurredAt) }));
    const result = await m.createQueryBuilder().insert().into(CostEntryRecord).values(rows).orIgnore().returning(['id']).execute();
    const inserted = new Set((result.raw as { id: string }[]).map((r) => r.id));
    const fresh = rows.filter((r) => inserted.has(r.id));
    if (fresh.length === 0) return;
    await this.audit.record(m, {
      action: 'order-cost.recorded',
      entityType: 'order-cost',
      entityId: orderId,
      orderId,
      reason: `${event.type} ${event.eventId}`,
      after: fresh.map((r) => ({ category: r.category, source: r.source, ref: r.ref, amount: r.amount === null ? null : fromMinorUnits(r.amount), currency: r.currency })),
    });
  }
}
