import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ChangeImpactAssessedV1, OrderCancellationConfirmedV1, SalesOrderCancellationApprovedV1, SalesOrderChangeRequestedV1 } from '@opm/contracts';
import { AuditLog, type EventContext, Inbox, Outbox } from '@opm/platform';
import { Invoice } from '../invoices/invoice.entities';
import { CancellationLoss } from './cancellation-loss.entity';
import { invoicesToVoid } from './invoice-voiding';
import { OrderCost } from '../costs/order-cost.entities';
import { marginDelta } from './margin-delta';

const quantity = (lines: readonly { quantity: number }[]): number => lines.reduce((s, l) => s + l.quantity, 0);

/** Finance's impact of a change (R8.2): cost and margin delta from its own planned cost. Each message once (the inbox). */
@Controller()
export class FinanceChangesConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
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

/** Finance's part of an approved cancellation (R8.5): open invoices void, the loss recorded; confirmed once (the inbox). */
@Controller()
export class FinanceCancellationConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  @EventPattern(SalesOrderCancellationApprovedV1.topic)
  async onCancellationApproved(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('finance.changes.cancellation', SalesOrderCancellationApprovedV1, ctx, async ({ payload: p }, m) => {
      const invoices = await m.find(Invoice, { where: { orderId: p.orderId }, order: { number: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const plan = invoicesToVoid(invoices);
      for (const inv of invoices.filter((i) => plan.void.includes(i.number))) {
        await m.update(Invoice, { id: inv.id }, { status: 'VOID', version: inv.version + 1 });
        await this.audit.record(m, { action: 'invoice.voided', entityType: 'invoice', entityId: inv.id, orderId: p.orderId, reason: `order ${p.number} cancelled: ${p.reason}` });
      }
      await m.upsert(
        CancellationLoss,
        { orderId: p.orderId, requestId: p.requestId, ...p.loss, reason: p.reason, recordedAt: new Date() },
        ['orderId'],
      );
      await this.audit.record(m, { action: 'order.loss-recorded', entityType: 'order', entityId: p.orderId, orderId: p.orderId, reason: `cancellation loss ${p.loss.total} ${p.loss.currency}`, after: p.loss });
      const voided = plan.void.length ? `${plan.void.join(', ')} void` : 'no open invoice';
      await this.outbox.publish(m, OrderCancellationConfirmedV1, { orderId: p.orderId }, {
        orderId: p.orderId,
        requestId: p.requestId,
        department: 'finance',
        outcome: plan.paid.length ? 'CANNOT_COMPLY' : 'DONE',
        detail: plan.paid.length ? `${voided}; paid, to be refunded before voiding: ${plan.paid.join(', ')}` : `${voided}; loss ${p.loss.total} ${p.loss.currency} recorded`,
        confirmedAt: new Date().toISOString(),
      });
    });
  }
}

@Module({ controllers: [FinanceChangesConsumer, FinanceCancellationConsumer] })
export class FinanceChangesModule {}
