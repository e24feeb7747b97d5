import { Controller, Get, Module, Param } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  ChangeImpactAssessedV1,
  fromMinorUnits,
  OrderCancellationConfirmedV1,
  type SalesOrderCancellationApproved,
  SalesOrderCancellationApprovedV1,
  type SalesOrderChanged,
  SalesOrderChangedV1,
  type SalesOrderChangeRequested,
  SalesOrderChangeRequestedV1,
} from '@opm/contracts';
import { apiView, ApiAnswers, AuditLog, type EventContext, Inbox, Outbox, uuidParam, type ViewOf } from '@opm/platform';
import { PurchaseContract } from '../contracts/purchase-contract.entity';
import { GoodsReceipt } from '../receipts/goods-receipt.entity';
import { StockModule } from '../stock/stock.module';
import { StockReservations } from '../stock/reservations';
import { cancellationTerms, cancellationTotals, type ContractToCancel } from './cancellation-terms';
import { RequirementsModule } from '../requirements/requirements.module';
import { RequirementsService } from '../requirements/requirements.service';
import { adjustmentFigures, materialChangeImpact, type CommittedContract } from './material-change';
import { RequirementAdjustment } from './requirement-adjustment.entity';

export const RequirementAdjustmentsView = apiView(
  'RequirementAdjustments',
  z.object({
    items: z.array(
      z.object({
        version: z.number().int(),
        requestId: z.uuid(),
        figures: z.record(z.string(), z.unknown()).describe('per material: to buy and its cost, stock released, contract quantities cut and their fees'),
        adjustedAt: z.iso.datetime({ offset: true }),
      }),
    ),
  }),
);

/**
 * Purchasing's part in a change (R8.2, R8.3): the materials to add or cancel and what that costs under the contracts'
 * terms, computed from its own requirements, stock, offers and contracts when a request opens; the requirements
 * recomputed and the adjustment recorded when it is applied. Each message once (the inbox).
 */
@Controller()
export class PurchasingChangesConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly requirements: RequirementsService,
    private readonly reservations: StockReservations,
  ) {}

  @EventPattern(SalesOrderChangeRequestedV1.topic)
  async onRequested(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('purchasing.changes.requested', SalesOrderChangeRequestedV1, ctx, async ({ payload: p }, m) => {
      if (!p.departments.includes('purchasing')) return;
      if (p.kind === 'CANCELLATION') return this.assessCancellation(m, p);
      const impact = await this.impactOf(m, p.orderId, p.proposed);
      const figures = adjustmentFigures(impact);
      const buying = impact.adjustments.filter((a) => a.toBuy > 0n).length;
      const cutting = impact.adjustments.filter((a) => a.cancelFromContracts.length > 0).length;
      await this.outbox.publish(m, ChangeImpactAssessedV1, { orderId: p.orderId }, {
        orderId: p.orderId,
        requestId: p.requestId,
        department: 'purchasing',
        feasible: true,
        summary:
          impact.adjustments.length === 0
            ? 'no material changes'
            : `${impact.adjustments.length} material(s) change: ${buying} to buy for ${fromMinorUnits(impact.buyCost)}, ${cutting} cut from contracts for ${fromMinorUnits(impact.cancellationFees)} in fees${impact.currency ? ` ${impact.currency}` : ''}`,
        details: figures,
        loss: null,
        assessedAt: new Date().toISOString(),
      });
    });
  }

  /** Materials committed if the order is cancelled now (R8.4): per contract cancelled free, returned or kept with the fee. */
  private async assessCancellation(m: EntityManager, p: SalesOrderChangeRequested): Promise<void> {
    const terms = cancellationTerms(await this.contractsToCancel(m, p.orderId));
    const totals = cancellationTotals(terms);
    const reserved = (await this.reservations.ofOrder(m, p.orderId)).filter((r) => r.releasedAt === null);
    await this.outbox.publish(m, ChangeImpactAssessedV1, { orderId: p.orderId }, {
      orderId: p.orderId,
      requestId: p.requestId,
      department: 'purchasing',
      feasible: true,
      summary: `${terms.filter((t) => t.action !== 'NONE').length} contract(s): fees ${fromMinorUnits(totals.fees)}, goods kept ${fromMinorUnits(totals.committed)}; ${reserved.length} stock reservation(s) released free`,
      details: {
        contracts: terms.map((t) => ({ contract: t.contract, action: t.action, fee: fromMinorUnits(t.fee), committed: fromMinorUnits(t.committed), terms: t.terms })),
        reservationsReleased: reserved.map((r) => ({ material: r.material, quantity: r.quantity })),
      },
      loss: { workDone: '0.00', materialsCommitted: fromMinorUnits(totals.committed), restockingFees: fromMinorUnits(totals.fees), currency: p.current.currency },
      assessedAt: new Date().toISOString(),
    });
  }

  /** An approved cancellation (R8.5): every open contract cancelled, its goods returned or kept, under its terms and recorded on it; the order's stock released. */
  @EventPattern(SalesOrderCancellationApprovedV1.topic)
  async onCancellationApproved(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('purchasing.changes.cancellation', SalesOrderCancellationApprovedV1, ctx, (e, m) => this.cancel(m, e.payload));
  }

  private async cancel(m: EntityManager, p: SalesOrderCancellationApproved): Promise<void> {
    const contracts = await m.find(PurchaseContract, { where: { orderId: p.orderId }, order: { number: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const terms = cancellationTerms(await this.contractsToCancel(m, p.orderId));
    const now = new Date();
    const reason = `order ${p.number} cancelled: ${p.reason}`;
    for (const t of terms) {
      if (t.action === 'NONE') continue;
      const c = contracts.find((x) => x.number === t.contract) as PurchaseContract;
      const before = { status: c.status, version: c.version };
      c.status = 'CANCELLED';
      c.version += 1;
      c.cancellation = { action: t.action, restockingFee: fromMinorUnits(t.fee), goodsKept: fromMinorUnits(t.committed), terms: t.terms, reason, cancelledAt: now.toISOString() };
      await m.save(c);
      await this.audit.record(m, { action: 'contract.cancelled', entityType: 'purchase-contract', entityId: c.id, orderId: p.orderId, reason: t.terms, before, after: c.cancellation });
    }
    const released = await this.reservations.releaseOrder(m, p.orderId, reason, now);
    const totals = cancellationTotals(terms);
    await this.outbox.publish(m, OrderCancellationConfirmedV1, { orderId: p.orderId }, {
      orderId: p.orderId,
      requestId: p.requestId,
      department: 'purchasing',
      outcome: 'DONE',
      detail: `${terms.filter((t) => t.action !== 'NONE').length} contract(s) cancelled (fees ${fromMinorUnits(totals.fees)}, goods kept ${fromMinorUnits(totals.committed)}); ${released.length} stock reservation(s) released`,
      confirmedAt: now.toISOString(),
    });
  }

  private async contractsToCancel(m: EntityManager, orderId: string): Promise<ContractToCancel[]> {
    const contracts = await m.find(PurchaseContract, { where: { orderId }, order: { number: 'ASC' } });
    const receipts = await m.find(GoodsReceipt, { where: { orderId, status: 'ACCEPTED' } });
    return contracts.map((c) => ({
      number: c.number,
      status: c.status,
      totalAmount: c.totalAmount,
      restockingFeePercent: c.restockingFeePercent,
      lines: c.lines,
      received: receipts.filter((r) => r.contractId === c.id).flatMap((r) => r.lines),
    }));
  }

  @EventPattern(SalesOrderChangedV1.topic)
  async onChanged(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('purchasing.changes.applied', SalesOrderChangedV1, ctx, (e, m) => this.apply(m, e.payload));
  }

  private async apply(m: EntityManager, p: SalesOrderChanged): Promise<void> {
    // Requirements exist once the order was issued here; before that the issue computes them from the changed order.
    if ((await this.requirements.storedOf(m, p.orderId)).length === 0) return;
    const impact = await this.impactOf(m, p.orderId, p.order);
    const figures = adjustmentFigures(impact);
    await this.requirements.recompute(m, { orderId: p.orderId, lines: p.order.lines, deliveryDate: p.order.deliveryDate }, `order version ${p.version}`);
    await m.save(m.create(RequirementAdjustment, { orderId: p.orderId, version: p.version, requestId: p.requestId, figures, adjustedAt: new Date() }));
    await this.audit.record(m, { action: 'requirements.adjusted', entityType: 'order', entityId: p.orderId, orderId: p.orderId, reason: `order version ${p.version}`, after: figures });
  }

  private async impactOf(m: EntityManager, orderId: string, proposed: SalesOrderChangeRequested['proposed']): Promise<ReturnType<typeof materialChangeImpact>> {
    const before = await this.requirements.storedOf(m, orderId);
    const { result } = await this.requirements.computeFor(m, { orderId, lines: proposed.lines, deliveryDate: proposed.deliveryDate }, { lock: false });
    const contracts = await m.find(PurchaseContract, { where: { orderId } });
    const committed: CommittedContract[] = contracts.map((c) => ({ number: c.number, status: c.status, restockingFeePercent: c.restockingFeePercent, lines: c.lines }));
    return materialChangeImpact(before, result.requirements, committed);
  }
}

/** What each applied change made purchasing do (R8.3). */
@ApiTags('requirements')
@Controller('purchasing/orders/:orderId/requirement-adjustments')
export class RequirementAdjustmentsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: "What each applied change of the order made purchasing buy or cancel under the contracts' terms (R8.3)" })
  @ApiAnswers(RequirementAdjustmentsView, { errors: [400], description: 'one entry per applied order version, oldest first' })
  async list(@Param('orderId', uuidParam('orderId')) orderId: string): Promise<ViewOf<typeof RequirementAdjustmentsView>> {
    const rows = await this.dataSource.getRepository(RequirementAdjustment).find({ where: { orderId }, order: { version: 'ASC' } });
    return { items: rows.map((r) => ({ version: r.version, requestId: r.requestId, figures: r.figures, adjustedAt: r.adjustedAt.toISOString() })) };
  }
}

@Module({ imports: [RequirementsModule, StockModule], controllers: [PurchasingChangesConsumer, RequirementAdjustmentsController] })
export class PurchasingChangesModule {}
