import { Controller, DynamicModule, Inject, Module, ModuleMetadata, Optional, Type } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { DepartmentService, Envelope, SalesOrderStatusChanged, SalesOrderStatusChangedV1 } from '@opm/contracts';
import { type EventContext, Inbox, NotYetApplicable } from '@opm/platform';
import { ReceivedOrder } from '../department/received-order.entity';

/** What a department does, in the same transaction, when its copy of an order takes a new status. */
export interface OrderStatusHook {
  /** `order` already carries the new status (logistics: ready to ship; purchasing: release a cancelled order's stock). */
  afterStatusChanged(m: EntityManager, order: ReceivedOrder, event: Envelope<SalesOrderStatusChanged>): Promise<void>;
}
export const ORDER_STATUS_HOOK = Symbol('ORDER_STATUS_HOOK');

export interface OrderStatusCopyOptions {
  imports?: ModuleMetadata['imports'];
  hook?: Type<OrderStatusHook>;
}

/**
 * A department that acts on the order's status (logistics ships only a READY_TO_SHIP order; purchasing releases a
 * cancelled order's reservations) keeps it on its copy of the order (`received_order.status`, R1.1) from
 * `sales.order.status-changed.v1`, instead of asking sales. Events of one order arrive in order on one partition; the
 * order's version is kept too, so an older status never overwrites a newer one. Register it beside
 * `DepartmentOrdersModule.forDepartment` (the copy must exist: a status ahead of the copy waits, NotYetApplicable).
 */
@Module({})
export class OrderStatusCopyModule {
  static forDepartment(department: DepartmentService, options: OrderStatusCopyOptions = {}): DynamicModule {
    const consumerName = `${department}.order-status`;

    @Controller()
    class OrderStatusConsumer {
      constructor(
        private readonly inbox: Inbox,
        @Optional() @Inject(ORDER_STATUS_HOOK) private readonly hook?: OrderStatusHook,
      ) {}

      @EventPattern(SalesOrderStatusChangedV1.topic)
      async onStatusChanged(@Ctx() ctx: EventContext): Promise<void> {
        await this.inbox.consume(consumerName, SalesOrderStatusChangedV1, ctx, async (event, m) => {
          const p = event.payload;
          const copy = await m.findOne(ReceivedOrder, { where: { orderId: p.orderId }, lock: { mode: 'pessimistic_write' } });
          if (!copy) throw new NotYetApplicable(`order ${p.orderId} has not reached ${department} yet`);
          if (copy.statusVersion !== null && copy.statusVersion >= p.version) return;
          await m.update(ReceivedOrder, { orderId: p.orderId }, { status: p.to, statusVersion: p.version });
          await this.hook?.afterStatusChanged(m, { ...copy, status: p.to, statusVersion: p.version }, event);
        });
      }
    }

    return {
      module: OrderStatusCopyModule,
      imports: options.imports ?? [],
      controllers: [OrderStatusConsumer as Type],
      providers: options.hook ? [{ provide: ORDER_STATUS_HOOK, useClass: options.hook }] : [],
    };
  }
}
