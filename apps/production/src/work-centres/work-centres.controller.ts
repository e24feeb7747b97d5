import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, type Page } from '@opm/platform';
import { SetWorkCentreRatesDto } from './dto/set-work-centre-rates.dto';
import { ListWorkCentresQuery } from './dto/list-work-centres.query';
import { WorkCentreView } from './work-centre.view';
import { WorkCentresService } from './work-centres.service';

/** Read by anyone signed in: sales and the reviewers look at capacity (R3.3). */
@ApiTags('work-centres')
@Controller('work-centres')
export class WorkCentresController {
  constructor(private readonly centres: WorkCentresService) {}

  @Get()
  @ApiOperation({ summary: 'Work centres with their daily hours and calendar exceptions (R3.3); any signed-in user' })
  @ApiAnswers(WorkCentreView, { page: true, errors: [400], description: 'a page of work centres, by code' })
  list(@Query() query: ListWorkCentresQuery): Promise<Page<WorkCentreView>> {
    return this.centres.list(query.page, query.pageSize);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One work centre and its capacity calendar' })
  @ApiAnswers(WorkCentreView, { errors: [404], description: 'the work centre' })
  get(@Param('code') code: string): Promise<WorkCentreView> {
    return this.centres.get(code);
  }

  @Put(':code/rates')
  @Allow('PRODUCTION:HEAD')
  @ApiOperation({
    summary: "Sets a work centre's labour and overhead rates per hour (production head): work reported from now on is costed at them (R5.6)",
    description: '400 names the field (a rate is a decimal string with at most 2 decimals, not negative); 404 for an unknown centre.',
  })
  @ApiBody({
    type: SetWorkCentreRatesDto,
    examples: { wages: { summary: 'the 2027 wage agreement', value: { labourRatePerHour: '42.50', overheadRatePerHour: '18.00', currency: 'CNY', reason: '2027 wage agreement' } } },
  })
  @ApiAnswers(WorkCentreView, { errors: [400, 403, 404], description: 'the work centre with its new rates' })
  setRates(@Param('code') code: string, @Body() dto: SetWorkCentreRatesDto): Promise<WorkCentreView> {
    return this.centres.setRates(code, { labourRatePerHour: dto.labourRatePerHour, overheadRatePerHour: dto.overheadRatePerHour, currency: dto.currency, reason: dto.reason });
  }
}
