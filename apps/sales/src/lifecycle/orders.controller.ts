import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, Page, uuidParam } from '@opm/platform';
import { ListOrdersQuery } from './dto/list-orders.query';
import { EXAMPLE_ORDER } from './order-example';
import { OrderView, OrderViewDef, toOrderView } from './order-view';
import { OrderRepository } from './order.repository';

/** Reading orders; every write belongs to a stage (intake, review, approvals, issuance...). */
@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrderRepository) {}

  @Get()
  @ApiOperation({ summary: 'Orders, newest first, by status or customer' })
  @ApiAnswers(OrderViewDef, { page: true, errors: [400], description: 'a page of orders, newest first' })
  async list(@Query() query: ListOrdersQuery): Promise<Page<OrderView>> {
    const { items, total } = await this.orders.list(query);
    return { items: items.map(toOrderView), total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @ApiOperation({ summary: "Sales' part of an order (the gateway's GET /orders/{id} adds every department's)" })
  @ApiAnswers(OrderViewDef, { errors: [400, 404], description: 'the order as sales records it', example: EXAMPLE_ORDER })
  async get(@Param('id', uuidParam('id')) id: string): Promise<OrderView> {
    return toOrderView(await this.orders.find(id));
  }
}
