import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, type Page } from '@opm/platform';
import { ListSuppliersQuery } from './dto/list-suppliers.query';
import { SupplierView } from './supplier.view';
import { SuppliersService } from './suppliers.service';

/** Suppliers with what they deliver and how fast (R3.5); any signed-in user may read them. */
@ApiTags('suppliers')
@Controller('suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get()
  @ApiOperation({ summary: 'Suppliers with the materials they deliver, lead times and prices (R3.5); filter by material or active' })
  @ApiAnswers(SupplierView, { page: true, errors: [400], description: 'a page of suppliers, by code' })
  list(@Query() query: ListSuppliersQuery): Promise<Page<SupplierView>> {
    return this.suppliers.list(query);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One supplier' })
  @ApiAnswers(SupplierView, { errors: [404], description: 'the supplier' })
  get(@Param('code') code: string): Promise<SupplierView> {
    return this.suppliers.get(code);
  }
}
