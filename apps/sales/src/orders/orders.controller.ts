import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Idempotent, IfMatch, uuidParam } from '@opm/platform';
import { CreateOrderDto } from './dto/create-order.dto';
import { EscalationDecisionDto } from './dto/escalation-decision.dto';
import { ListOrdersQuery } from './dto/list-orders.query';
import { UpdateOrderDto } from './dto/update-order.dto';
import { OrdersService } from './orders.service';

const IF_MATCH = { name: 'If-Match', required: false, description: 'the version last seen; a stale one is 409' };

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @Allow('SALES')
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record an order; the preliminary review runs at once (R2.1-R2.4)' })
  @ApiCreatedResponse({ description: 'the order with `status` and `preliminaryReview.checks[]`' })
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

  @Patch(':id')
  @Allow('SALES')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Supply missing information while AWAITING_INFO; the preliminary review runs again (R2.5)' })
  supplyInfo(@Param('id', uuidParam('id')) id: string, @Body() dto: UpdateOrderDto, @IfMatch() ifMatch: number | undefined) {
    return this.orders.supplyInfo(id, dto, ifMatch);
  }

  @Post(':id/escalation/decision')
  @Allow('*:LEADER')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'A leader accepts or rejects an escalated order, with a reason (R2.6)' })
  decideEscalation(@Param('id', uuidParam('id')) id: string, @Body() dto: EscalationDecisionDto, @IfMatch() ifMatch: number | undefined) {
    return this.orders.decideEscalation(id, dto, ifMatch);
  }
}
