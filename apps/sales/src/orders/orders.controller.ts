import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Allow, Idempotent, uuidParam } from '@opm/platform';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateOrderDto } from './dto/create-order.dto';
import { ListOrdersQuery } from './dto/list-orders.query';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @Allow('SALES')
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'the recorded order; every department receives it by event' })
  create(@Body() dto: CreateOrderDto) {
    return this.orders.create(dto);
  }

  @Get()
  @ApiOkResponse({ description: '{items, total, page, pageSize}' })
  list(@Query() query: ListOrdersQuery) {
    return this.orders.list(query);
  }

  @Get(':id')
  get(@Param('id', uuidParam('id')) id: string) {
    return this.orders.get(id);
  }
}

