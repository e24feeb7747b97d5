import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Idempotent, uuidParam } from '@opm/platform';
import { ConvertLeadDto, CreateLeadDto } from './dto/create-lead.dto';
import { ListLeadsQuery } from './dto/list-leads.query';
import { LeadsService } from './leads.service';

@ApiTags('leads')
@Controller('leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Post()
  @Allow('MARKETING')
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({ summary: 'Marketing records a lead and hands it to sales (R2.1)' })
  create(@Body() dto: CreateLeadDto) {
    return this.leads.create(dto);
  }

  @Get()
  @Allow('MARKETING', 'SALES', 'MANAGEMENT')
  list(@Query() query: ListLeadsQuery) {
    return this.leads.list(query);
  }

  @Post(':id/convert')
  @Allow('SALES')
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({ summary: 'Sales converts a lead into an order; the order keeps channel and lead (R2.1)' })
  convert(@Param('id', uuidParam('id')) id: string, @Body() dto: ConvertLeadDto) {
    return this.leads.convert(id, dto);
  }
}
