import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, type Page, uuidParam } from '@opm/platform';
import { ListInspectionPlansQuery } from './dto/list-plans.query';
import { INSPECTION_PLAN_EXAMPLE, InspectionPlanView } from './inspection-plan.view';
import { InspectionPlansService } from './inspection-plans.service';

/** Read by anyone signed in: production's checkpoints, purchasing's incoming inspection and sales follow it (R5.3). */
@ApiTags('quality')
@Controller('quality/plans')
export class InspectionPlansController {
  constructor(private readonly plans: InspectionPlansService) {}

  @Get()
  @ApiOperation({
    summary: "Inspection plans (R5.3): the order's items with characteristic, method, frequency and stage",
    description: 'Drafted when the order is issued to quality; `?orderId=` gives the order’s plan (an empty page before issue).',
  })
  @ApiAnswers(InspectionPlanView, { page: true, errors: [400], description: 'a page of plans, newest first' })
  list(@Query() query: ListInspectionPlansQuery): Promise<Page<InspectionPlanView>> {
    return this.plans.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One inspection plan (R5.3)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(InspectionPlanView, { errors: [400, 404], description: 'the plan', example: INSPECTION_PLAN_EXAMPLE })
  get(@Param('id', uuidParam('id')) id: string): Promise<InspectionPlanView> {
    return this.plans.get(id);
  }
}
