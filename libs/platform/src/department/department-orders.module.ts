import { Controller, DynamicModule, Get, Injectable, Module, Param, Type } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DepartmentService, SalesOrderReceivedV1 } from '@opm/contracts';
import { NotFoundProblem, uuidParam } from '../http/problem-details';
import { AuditLog } from '../audit/audit-log';
import { Inbox } from '../messaging/inbox';
import { ReceivedOrder } from './received-order.entity';

export interface DepartmentOrderView {
  orderId: string;
  number: string;
  deliveryDate: string | null;
  specialRequirements: ReceivedOrder['specialRequirements'];
  lineCount: number;
  receivedAt: string;
}

@Injectable()
export class ReceivedOrders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(orderId: string): Promise<DepartmentOrderView> {
    const order = await this.dataSource.getRepository(ReceivedOrder).findOneBy({ orderId });
    if (!order) throw new NotFoundProblem(`order ${orderId} has not reached this department`);
    return {
      orderId: order.orderId,
      number: order.number,
      deliveryDate: order.deliveryDate,
      specialRequirements: order.specialRequirements,
      lineCount: order.lines.length,
      receivedAt: order.receivedAt.toISOString(),
    };
  }
}

/**
 * Every executing department keeps its own copy of each order from `sales.order.received.v1` (R1.3) and
 * serves its part of the combined view at `/<department>/orders/:orderId`.
 */
@Module({})
export class DepartmentOrdersModule {
  static forDepartment(department: DepartmentService): DynamicModule {
    const consumerName = `${department}.received-orders`;

    @Controller()
    class ReceivedOrdersConsumer {
      constructor(
        private readonly inbox: Inbox,
        private readonly audit: AuditLog,
      ) {}

      @EventPattern(SalesOrderReceivedV1.topic)
      async onOrderReceived(@Ctx() ctx: KafkaContext): Promise<void> {
        await this.inbox.consume(consumerName, SalesOrderReceivedV1, ctx, async (event, m) => {
          const p = event.payload;
          const copy = {
            orderId: p.orderId,
            number: p.number,
            customerId: p.customerId,
            deliveryDate: p.deliveryDate,
            currency: p.currency,
            totalAmount: p.totalAmount,
            lines: p.lines,
            specialRequirements: p.specialRequirements,
            sourceEventId: event.eventId,
          };
          // A plain insert: redeliveries are the inbox's job, not every handler's.
          await m.insert(ReceivedOrder, copy);
          await this.audit.record(m, { action: 'order.received', entityType: 'order', entityId: p.orderId, orderId: p.orderId, after: copy });
        });
      }
    }

    @ApiTags(department)
    @Controller(`${department}/orders`)
    class DepartmentOrdersController {
      constructor(private readonly orders: ReceivedOrders) {}

      @Get(':orderId')
      @ApiOkResponse({ description: `the ${department} department's part of the order` })
      get(@Param('orderId', uuidParam('orderId')) orderId: string): Promise<DepartmentOrderView> {
        return this.orders.get(orderId);
      }
    }

    return {
      module: DepartmentOrdersModule,
      controllers: [ReceivedOrdersConsumer as Type, DepartmentOrdersController as Type],
      providers: [ReceivedOrders],
      exports: [ReceivedOrders],
    };
  }
}
