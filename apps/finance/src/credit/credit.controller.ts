import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IfMatch, uuidParam } from '@opm/platform';
import { CreditService } from './credit.service';
import { SetCreditLimitDto } from './dto/set-credit-limit.dto';

/** A customer's credit standing (R2.4): sales checks it, finance sets it, management decides escalations on it. */
@ApiTags('credit')
@Controller('customers')
export class CreditController {
  constructor(private readonly credit: CreditService) {}

  @Get(':id/credit')
  @Allow('SALES', 'FINANCE', 'MANAGEMENT')
  @ApiOkResponse({
    description: '{customerId, customerName, creditLimit, currency, openOrderAmount, openInvoiceAmount, exposure, overdueAmount, available, version, updatedAt}',
  })
  get(@Param('id', uuidParam('id')) id: string) {
    return this.credit.get(id);
  }

  @Put(':id/credit')
  @Allow('FINANCE:HEAD')
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version the client last saw; a stale one is 409' })
  @ApiOkResponse({ description: 'the credit standing after the change; sales receives it by event' })
  setLimit(@Param('id', uuidParam('id')) id: string, @Body() dto: SetCreditLimitDto, @IfMatch() ifMatch: number | undefined) {
    return this.credit.setLimit(id, dto, ifMatch);
  }
}
