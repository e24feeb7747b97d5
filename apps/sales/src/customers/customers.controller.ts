import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiTags } from '@nestjs/swagger';
import { FinanceCreditUpdatedV1 } from '@opm/contracts';
import { Allow, EventContext, Idempotent, Inbox, uuidParam } from '@opm/platform';
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

/** Keeps sales' copy of each customer's credit standing as finance reports it (R2.4). */
@Controller()
export class CreditCopyConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly customers: CustomersService,
  ) {}

  @EventPattern(FinanceCreditUpdatedV1.topic)
  async onCreditUpdated(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.credit-copy', FinanceCreditUpdatedV1, ctx, (event, m) => this.customers.applyCredit(m, event.payload));
  }
}
