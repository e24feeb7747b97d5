import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ChangeImpactAssessedV1, SalesOrderChangeRequestedV1 } from '@opm/contracts';
import { type EventContext, Inbox, Outbox } from '@opm/platform';
import { OrderCost } from '../costs/order-cost.entities';
import { marginDelta } from './margin-delta';

const quantity = (lines: readonly { quantity: number }[]): number => lines.reduce((s, l) => s + l.quantity, 0);

/** Finance's impact of a change (R8.2): cost and margin delta from its own planned cost. Each message once (the inbox). */
@Controller()
export class FinanceChangesConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
  ) {}

  @EventPattern(SalesOrderChangeRequestedV1.topic)
  async onRequested(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('finance.changes.requested', SalesOrderChangeRequestedV1, ctx, async ({ payload: p }, m) => {
      if (!p.departments.includes('finance') || p.kind !== 'CHANGE') return;
      const cost = await m.findOneBy(OrderCost, { orderId: p.orderId });
      const delta = marginDelta({
        plannedCost: cost?.plannedTotal ?? null,
        quantityBefore: quantity(p.current.lines),
        quantityAfter: quantity(p.proposed.lines),
        revenueBefore: p.current.totalAmount,
        revenueAfter: p.proposed.totalAmount,
      });
      await this.outbox.publish(m, ChangeImpactAssessedV1, { orderId: p.orderId }, {
        orderId: p.orderId,
        requestId: p.requestId,
        department: 'finance',
        feasible: delta.feasible,
        summary: delta.summary,
        details: { ...delta.details, currency: p.current.currency },
        loss: null,
        assessedAt: new Date().toISOString(),
      });
    });
  }
}

@Module({ controllers: [FinanceChangesConsumer] })
export class FinanceChangesModule {}
