import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListWorkCentresQuery } from './dto/list-work-centres.query';
import { WorkCentresService } from './work-centres.service';

/** Read by anyone signed in: sales and the reviewers look at capacity (R3.3). */
@ApiTags('work-centres')
@Controller('work-centres')
export class WorkCentresController {
  constructor(private readonly centres: WorkCentresService) {}

  @Get()
  @ApiOkResponse({ description: '{items: [{code, name, hoursPerDay, calendarExceptions}], total, page, pageSize}' })
  list(@Query() query: ListWorkCentresQuery) {
    return this.centres.list(query.page, query.pageSize);
  }

  @Get(':code')
  @ApiOkResponse({ description: '{code, name, hoursPerDay, calendarExceptions: [{date, hours, reason}]}' })
  get(@Param('code') code: string) {
    return this.centres.get(code);
  }
}
