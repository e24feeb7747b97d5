import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Allow, Idempotent, uuidParam } from '@opm/platform';
import { CustomersService } from './customers.service';
import { CreateCustomerDto } from './dto/create-customer.dto';
import { ListCustomersQuery } from './dto/list-customers.query';

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Post()
  @Allow('SALES')
  @Idempotent()
  @HttpCode(201)
  create(@Body() dto: CreateCustomerDto) {
    return this.customers.create(dto);
  }

  @Get()
  @Allow('SALES', 'FINANCE', 'MARKETING', 'MANAGEMENT')
  list(@Query() query: ListCustomersQuery) {
    return this.customers.list(query);
  }

  @Get(':id')
  @Allow('SALES', 'FINANCE', 'MARKETING', 'MANAGEMENT')
  get(@Param('id', uuidParam('id')) id: string) {
    return this.customers.get(id);
  }
}
