import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ChangeImpactAssessedV1, fromMinorUnits, OrderCancellationConfirmedV1, SalesOrderCancellationApprovedV1, SalesOrderChangedV1, SalesOrderChangeRequestedV1, type SalesOrderChangeRequested } from '@opm/contracts';
import { type EventContext, Inbox, Outbox } from '@opm/platform';
import type { EntityManager } from 'typeorm';
import { WorkCentre } from '../work-centres/work-centre.entity';
import { PlansModule } from '../plans/plans.module';
import { PlansService } from '../plans/plans.service';
import { planImpact, workDoneAtCost } from './change-impact';

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
      if (!p.departments.includes('production')) return;
      if (p.kind === 'CANCELLATION') return this.assessCancellation(m, p);
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

  /** The work done so far at cost (R8.4): what cancelling now loses. */
  private async assessCancellation(m: EntityManager, p: SalesOrderChangeRequested): Promise<void> {
    const plan = await this.plans.ofOrder(p.orderId, m);
    const centres = await m.find(WorkCentre);
    const work = workDoneAtCost(
      (plan?.tasks ?? []).map((t) => ({ name: t.name, workCentre: t.workCentre, hours: t.hours, progressPercent: t.progressPercent })),
      new Map(centres.map((c) => [c.code, { labourRateMinor: c.labourRateMinor, overheadRateMinor: c.overheadRateMinor, currency: c.rateCurrency }])),
    );
    const amount = fromMinorUnits(work.amount);
    await this.outbox.publish(m, ChangeImpactAssessedV1, { orderId: p.orderId }, {
      orderId: p.orderId,
      requestId: p.requestId,
      department: 'production',
      feasible: true,
      summary: plan ? `plan ${plan.status}: work done ${amount} at cost; the plan stops` : 'no production plan yet: nothing done',
      details: { planStatus: plan?.status ?? null, workDone: amount, tasks: work.tasks.map((t) => ({ ...t, cost: t.cost === null ? null : fromMinorUnits(t.cost) })) },
      loss: { workDone: amount, materialsCommitted: '0.00', restockingFees: '0.00', currency: work.currency ?? p.current.currency },
      assessedAt: new Date().toISOString(),
    });
  }

  /** An approved cancellation (R8.5): the plan STOPPED, confirmed once (the inbox). */
  @EventPattern(SalesOrderCancellationApprovedV1.topic)
  async onCancellationApproved(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('production.changes.cancellation', SalesOrderCancellationApprovedV1, ctx, async ({ payload: p }, m) => {
      const detail = await this.plans.stopForCancellation(m, p.orderId, `order ${p.number} cancelled: ${p.reason}`, 'sales');
      await this.outbox.publish(m, OrderCancellationConfirmedV1, { orderId: p.orderId }, {
        orderId: p.orderId,
        requestId: p.requestId,
        department: 'production',
        outcome: 'DONE',
        detail,
        confirmedAt: new Date().toISOString(),
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
