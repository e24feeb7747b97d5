import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListSuppliersQuery } from './dto/list-suppliers.query';
import { SuppliersService } from './suppliers.service';

/** Suppliers with what they deliver and how fast (R3.5); any signed-in user may read them. */
@ApiTags('suppliers')
@Controller('suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get()
  @ApiOkResponse({ description: '{items: [{code, name, materials: [{material, leadTimeDays, unitPrice, currency}], rating, active}], total, page, pageSize}' })
  list(@Query() query: ListSuppliersQuery) {
    return this.suppliers.list(query);
  }

  @Get(':code')
  @ApiOkResponse({ description: 'one supplier' })
  get(@Param('code') code: string) {
    return this.suppliers.get(code);
  }
}
