import { Controller, Get, Module, Param } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { ChangeImpactAssessedV1, fromMinorUnits, type SalesOrderChanged, SalesOrderChangedV1, type SalesOrderChangeRequested, SalesOrderChangeRequestedV1 } from '@opm/contracts';
import { apiView, ApiAnswers, AuditLog, type EventContext, Inbox, Outbox, uuidParam, type ViewOf } from '@opm/platform';
import { PurchaseContract } from '../contracts/purchase-contract.entity';
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
  ) {}

  @EventPattern(SalesOrderChangeRequestedV1.topic)
  async onRequested(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('purchasing.changes.requested', SalesOrderChangeRequestedV1, ctx, async ({ payload: p }, m) => {
      if (!p.departments.includes('purchasing') || p.kind !== 'CHANGE') return;
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

@Module({ imports: [RequirementsModule], controllers: [PurchasingChangesConsumer, RequirementAdjustmentsController] })
export class PurchasingChangesModule {}
