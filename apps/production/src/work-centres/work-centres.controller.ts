import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, type Page } from '@opm/platform';
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
}
