import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ChangeImpactAssessedV1, SalesOrderChangedV1, SalesOrderChangeRequestedV1 } from '@opm/contracts';
import { type EventContext, Inbox, Outbox } from '@opm/platform';
import { QualityExecutionModule } from '../execution/quality-execution.module';
import { InspectionPlansService } from '../inspection-plans/inspection-plans.service';
import { planChangeSummary, planItemChanges } from './inspection-plan-change';

/**
 * Quality's part in a change (R8.2, R8.3): which inspection plan items the change adds or removes, from quality's own
 * review records and product notes; the plan drafted again when the change is applied. Each message once (the inbox).
 */
@Controller()
export class QualityChangesConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
    private readonly plans: InspectionPlansService,
  ) {}

  @EventPattern(SalesOrderChangeRequestedV1.topic)
  async onRequested(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('quality.changes.requested', SalesOrderChangeRequestedV1, ctx, async ({ payload: p }, m) => {
      if (!p.departments.includes('quality') || p.kind !== 'CHANGE') return;
      const before = await this.plans.itemsFor(m, p.orderId, p.current.lines, p.current.specialRequirements);
      const after = await this.plans.itemsFor(m, p.orderId, p.proposed.lines, p.proposed.specialRequirements);
      const changes = planItemChanges(before, after);
      await this.outbox.publish(m, ChangeImpactAssessedV1, { orderId: p.orderId }, {
        orderId: p.orderId,
        requestId: p.requestId,
        department: 'quality',
        feasible: true,
        summary: planChangeSummary(changes),
        details: { added: changes.added, removed: changes.removed, unchanged: changes.unchanged },
        loss: null,
        assessedAt: new Date().toISOString(),
      });
    });
  }

  @EventPattern(SalesOrderChangedV1.topic)
  async onChanged(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('quality.changes.applied', SalesOrderChangedV1, ctx, async ({ payload: p }, m) => {
      await this.plans.redraft(m, p.orderId, p.order.lines, p.order.specialRequirements, p.version);
    });
  }
}

@Module({ imports: [QualityExecutionModule], controllers: [QualityChangesConsumer] })
export class QualityChangesModule {}
