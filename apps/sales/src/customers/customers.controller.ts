import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, Idempotent, Page, uuidParam } from '@opm/platform';
import { IDEMPOTENT_ANSWER_HEADERS } from '../lifecycle/http-headers';
import { CustomerView, CustomerViewDef } from './customer-view';
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
  @ApiOperation({ summary: 'Register a customer; finance opens its credit account from the event (R2.4)' })
  // 409 and 422 come from Idempotency-Key only (a first request still running; a key reused with another body).
  @ApiAnswers(CustomerViewDef, { status: 201, errors: [400, 403, 409, 422], description: 'the customer, `credit: null` until finance has told sales', headers: IDEMPOTENT_ANSWER_HEADERS })
  create(@Body() dto: CreateCustomerDto): Promise<CustomerView> {
    return this.customers.create(dto);
  }

  @Get()
  @Allow('SALES', 'FINANCE', 'MARKETING', 'MANAGEMENT')
  @ApiOperation({ summary: 'Customers by name, with their credit standing as sales knows it' })
  @ApiAnswers(CustomerViewDef, { page: true, errors: [400, 403], description: 'a page of customers, by name' })
  list(@Query() query: ListCustomersQuery): Promise<Page<CustomerView>> {
    return this.customers.list(query);
  }

  @Get(':id')
  @Allow('SALES', 'FINANCE', 'MARKETING', 'MANAGEMENT')
  @ApiOperation({ summary: 'A customer, with the credit standing finance last told sales (R2.4)' })
  @ApiAnswers(CustomerViewDef, { errors: [400, 403, 404], description: 'the customer' })
  get(@Param('id', uuidParam('id')) id: string): Promise<CustomerView> {
    return this.customers.get(id);
  }
}
