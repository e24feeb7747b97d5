import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, ApiIfMatch, IfMatch, uuidParam } from '@opm/platform';
import { CreditAccountView, type CreditView } from './credit-account.view';
import { CreditService } from './credit.service';
import { SetCreditLimitDto } from './dto/set-credit-limit.dto';

/** A customer's credit standing (R2.4): sales checks it, finance sets it, management decides escalations on it. */
@ApiTags('credit')
@Controller('customers')
export class CreditController {
  constructor(private readonly credit: CreditService) {}

  @Get(':id/credit')
  @Allow('SALES', 'FINANCE', 'MANAGEMENT')
  @ApiOperation({
    summary: "A customer's credit standing: limit, exposure, overdue and available amounts (R2.4); sales, finance, management",
    description: '404 while finance has no account for the customer (not registered by sales, or the registration has not reached finance yet).',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'the customer' })
  @ApiAnswers(CreditAccountView, { errors: [400, 403, 404], description: 'the account, its exposure as of now' })
  get(@Param('id', uuidParam('id')) id: string): Promise<CreditView> {
    return this.credit.get(id);
  }

  @Put(':id/credit')
  @Allow('FINANCE:HEAD')
  @ApiIfMatch()
  @ApiOperation({
    summary: "Sets a customer's credit limit and its currency (finance head); sales receives the new standing by event",
    description:
      'A stale If-Match is 409 (`currentVersion`). 422 when the currency would change while invoice amounts are open or overdue (there is no exchange rate to restate them with). Setting what is already set changes nothing: same version, no event.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'the customer' })
  @ApiBody({
    type: SetCreditLimitDto,
    examples: { review: { summary: 'the annual review raises the limit', value: { creditLimit: '50000.00', currency: 'CNY', reason: 'annual review 2026' } } },
  })
  @ApiAnswers(CreditAccountView, {
    errors: [400, 403, 404, 409, 422],
    description: 'the standing after the change',
  })
  setLimit(@Param('id', uuidParam('id')) id: string, @Body() dto: SetCreditLimitDto, @IfMatch() ifMatch: number | undefined): Promise<CreditView> {
    return this.credit.setLimit(id, dto, ifMatch);
  }
}
