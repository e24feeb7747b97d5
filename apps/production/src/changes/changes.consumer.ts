import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ChangeImpactAssessedV1, SalesOrderChangedV1, SalesOrderChangeRequestedV1 } from '@opm/contracts';
import { type EventContext, Inbox, Outbox } from '@opm/platform';
import { PlansModule } from '../plans/plans.module';
import { PlansService } from '../plans/plans.service';
import { planImpact } from './change-impact';

/**
 * Production's part in a change (R8.2, R8.3): the impact on its plan and capacity, computed from its own data when a
 * request opens, and the plan rescheduled when the change is applied. Each message once (the inbox).
 */
@Controller()
export class ProductionChangesConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
    private readonly plans: PlansService,
  ) {}

  @EventPattern(SalesOrderChangeRequestedV1.topic)
  async onRequested(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('production.changes.requested', SalesOrderChangeRequestedV1, ctx, async ({ payload: p }, m) => {
      if (!p.departments.includes('production') || p.kind !== 'CHANGE') return;
      const { plan, schedule } = await this.plans.preview(m, p.orderId, { orderId: p.orderId, deliveryDate: p.proposed.deliveryDate, lines: p.proposed.lines });
      const impact = planImpact(plan ? { status: plan.status, plannedEnd: plan.plannedEnd } : null, plan?.tasks ?? [], schedule);
      await this.outbox.publish(m, ChangeImpactAssessedV1, { orderId: p.orderId }, {
        orderId: p.orderId,
        requestId: p.requestId,
        department: 'production',
        feasible: impact.feasible,
        summary: impact.summary,
        details: impact.details,
        loss: null,
        assessedAt: new Date().toISOString(),
      });
    });
  }

  @EventPattern(SalesOrderChangedV1.topic)
  async onChanged(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('production.changes.applied', SalesOrderChangedV1, ctx, async ({ payload: p }, m) => {
      await this.plans.replan(m, { orderId: p.orderId, deliveryDate: p.order.deliveryDate, lines: p.order.lines }, p.version, p.changedBy ?? 'sales');
    });
  }
}

@Module({ imports: [PlansModule], controllers: [ProductionChangesConsumer] })
export class ProductionChangesModule {}
