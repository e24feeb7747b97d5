import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@opm/platform';
import { ListOrdersQuery } from './dto/list-orders.query';
import { toOrderView } from './order-view';
import { OrderRepository } from './order.repository';

/** Reading orders; every write belongs to a stage (intake, review, approvals, issuance...). */
@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrderRepository) {}

  @Get()
  @ApiOperation({ summary: 'Orders, newest first, by status or customer' })
  @ApiOkResponse({ description: '{items, total, page, pageSize}' })
  async list(@Query() query: ListOrdersQuery) {
    const { items, total } = await this.orders.list(query);
    return { items: items.map(toOrderView), total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @ApiOperation({ summary: "Sales' part of an order (the gateway's GET /orders/{id} adds every department's)" })
  async get(@Param('id', uuidParam('id')) id: string) {
    return toOrderView(await this.orders.find(id));
  }
}
