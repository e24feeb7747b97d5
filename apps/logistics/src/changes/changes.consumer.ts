import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ChangeImpactAssessedV1, OrderCancellationConfirmedV1, SalesOrderCancellationApprovedV1, SalesOrderChangeRequestedV1 } from '@opm/contracts';
import { AuditLog, type EventContext, Inbox, Outbox } from '@opm/platform';
import { Shipment } from '../shipments/shipment.entity';
import { shipmentCancellation } from './shipment-cancellation';

/**
 * Logistics' part in a change or cancellation (R8.2, R8.5, R8.6): asked once something has shipped, it names what is
 * out and what is still open; an approved cancellation cancels the open shipments and answers CANNOT_COMPLY for one
 * already dispatched. Each message once (the inbox).
 */
@Controller()
export class LogisticsChangesConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  @EventPattern(SalesOrderChangeRequestedV1.topic)
  async onRequested(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('logistics.changes.requested', SalesOrderChangeRequestedV1, ctx, async ({ payload: p }, m) => {
      if (!p.departments.includes('logistics')) return;
      const shipments = await m.find(Shipment, { where: { orderId: p.orderId }, order: { number: 'ASC' } });
      const plan = shipmentCancellation(shipments);
      await this.outbox.publish(m, ChangeImpactAssessedV1, { orderId: p.orderId }, {
        orderId: p.orderId,
        requestId: p.requestId,
        department: 'logistics',
        // What is on its way cannot be changed or called back; for a change that is a fact to weigh, for a cancellation a refusal.
        feasible: p.kind === 'CHANGE' || plan.gone.length === 0,
        summary: plan.gone.length ? `already dispatched: ${plan.gone.join(', ')}; still open: ${plan.cancel.join(', ') || 'none'}` : `nothing dispatched; open: ${plan.cancel.join(', ') || 'none'}`,
        details: { dispatched: plan.gone, open: plan.cancel },
        loss: null,
        assessedAt: new Date().toISOString(),
      });
    });
  }

  @EventPattern(SalesOrderCancellationApprovedV1.topic)
  async onCancellationApproved(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('logistics.changes.cancellation', SalesOrderCancellationApprovedV1, ctx, async ({ payload: p }, m) => {
      const shipments = await m.find(Shipment, { where: { orderId: p.orderId }, order: { number: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const plan = shipmentCancellation(shipments);
      for (const s of shipments.filter((x) => plan.cancel.includes(x.number))) {
        await m.update(Shipment, { id: s.id }, { status: 'CANCELLED', version: s.version + 1 });
        await this.audit.record(m, { action: 'shipment.cancelled', entityType: 'shipment', entityId: s.id, orderId: p.orderId, reason: `order ${p.number} cancelled: ${p.reason}` });
      }
      await this.outbox.publish(m, OrderCancellationConfirmedV1, { orderId: p.orderId }, {
        orderId: p.orderId,
        requestId: p.requestId,
        department: 'logistics',
        outcome: plan.outcome,
        detail: plan.detail,
        confirmedAt: new Date().toISOString(),
      });
    });
  }
}

@Module({ controllers: [LogisticsChangesConsumer] })
export class LogisticsChangesModule {}
