import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, Idempotent, Page, uuidParam } from '@opm/platform';
import { CREATE_ORDER_EXAMPLES } from '../../lifecycle/dto/create-order.dto';
import { IDEMPOTENT_ANSWER_HEADERS } from '../../lifecycle/http-headers';
import { OrderView, OrderViewDef } from '../../lifecycle/order-view';
import { ConvertLeadDto, CreateLeadDto } from './dto/create-lead.dto';
import { ListLeadsQuery } from './dto/list-leads.query';
import { LeadView, LeadViewDef } from './lead-view';
import { LeadsService } from './leads.service';

/** POST /leads/{id}/convert takes the order of POST /orders without channel and lead (they come from the lead). */
const { channel: _channel, leadId: _leadId, ...convertExample } = CREATE_ORDER_EXAMPLES.complete.value;

@ApiTags('leads')
@Controller('leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Post()
  @Allow('MARKETING')
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({ summary: 'Marketing records a lead and hands it to sales (R2.1)' })
  @ApiBody({
    type: CreateLeadDto,
    examples: {
      tradeShow: {
        summary: 'a lead from a trade show',
        value: { source: 'TRADE_SHOW', campaign: 'Hannover Messe 2026', companyName: 'Wuxi Pump Works', contactPerson: 'Sun Min', phone: '+86 510 5555 0404', interest: '500 flanges DN100 per quarter' },
      },
    },
  })
  // 409 and 422 come from Idempotency-Key only (a first request still running; a key reused with another body).
  @ApiAnswers(LeadViewDef, { status: 201, errors: [400, 403, 409, 422], description: 'the lead, NEW', headers: IDEMPOTENT_ANSWER_HEADERS })
  create(@Body() dto: CreateLeadDto): Promise<LeadView> {
    return this.leads.create(dto);
  }

  @Get()
  @Allow('MARKETING', 'SALES', 'MANAGEMENT')
  @ApiOperation({ summary: 'Leads, newest first, by status (R2.1)' })
  @ApiAnswers(LeadViewDef, { page: true, errors: [400, 403], description: 'a page of leads, newest first' })
  list(@Query() query: ListLeadsQuery): Promise<Page<LeadView>> {
    return this.leads.list(query);
  }

  @Post(':id/convert')
  @Allow('SALES')
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({ summary: 'Sales converts a lead into an order; the order keeps channel and lead (R2.1)' })
  @ApiBody({ type: ConvertLeadDto, examples: { order: { summary: 'the order agreed with the lead', value: convertExample } } })
  // 404: no such lead; 409: the lead was already converted (`convertedOrderId`), or an Idempotency-Key still running;
  // 422: no such customer, or an Idempotency-Key reused with another body.
  @ApiAnswers(OrderViewDef, {
    status: 201,
    errors: [400, 403, 404, 409, 422],
    description: "the order recorded from the lead, with the lead's channel and `leadId`; its preliminary review has run",
    headers: IDEMPOTENT_ANSWER_HEADERS,
  })
  convert(@Param('id', uuidParam('id')) id: string, @Body() dto: ConvertLeadDto): Promise<OrderView> {
    return this.leads.convert(id, dto);
  }
}
