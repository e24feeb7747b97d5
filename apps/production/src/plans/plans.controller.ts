import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, ApiIfMatch, CurrentPrincipal, IfMatch, type Page, type Principal, uuidParam } from '@opm/platform';
import { CompletePlanDto, ListPlansQuery, ProgressDto, RaiseProblemDto, ResolveProblemDto, StopPlanDto } from './dto/plan.dto';
import { PlansService } from './plans.service';
import { ProductionPlanView, ProductionProblemView } from './plan.view';

/** An example problem as the API answers it. */
const PROBLEM_EXAMPLE: ProductionProblemView = {
  id: '0b8f3c52-3f7e-4d84-9a41-6c2f1d0e7b55',
  planId: '5d2a7e10-8c4b-4f6e-a1d3-9b0c2e4f6a78',
  orderId: '3f1c2a9e-5b7d-4c1e-9a2b-8d6f0e4c7a21',
  kind: 'EQUIPMENT_FAILURE',
  severity: 'MAJOR',
  description: 'spindle bearing of the CNC lathe failed',
  status: 'OPEN',
  raisedBy: 'production.staff',
  raisedAt: '2026-12-03T09:15:00.000Z',
  resolution: null,
  resolvedBy: null,
  resolvedAt: null,
};

/** The production head decides a plan's course (R5.1). */
const HEAD = 'PRODUCTION:HEAD' as const;

@ApiTags('production')
@Controller('production')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get('plans')
  @ApiOperation({ summary: "Production plans (R5.1), newest first; `orderId` gives the order's plan; any signed-in user" })
  @ApiAnswers(ProductionPlanView, { page: true, errors: [400], description: 'a page of plans with their tasks, checkpoints and problems' })
  list(@Query() query: ListPlansQuery): Promise<Page<ProductionPlanView>> {
    return this.plans.list(query);
  }

  @Get('plans/:id')
  @ApiOperation({ summary: 'One production plan with its tasks, checkpoints and problems (R5.1)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(ProductionPlanView, { errors: [400, 404], description: 'the plan' })
  get(@Param('id', uuidParam('id')) id: string): Promise<ProductionPlanView> {
    return this.plans.get(id);
  }

  @Post('plans/:id/release')
  @HttpCode(200)
  @Allow(HEAD)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Releases a DRAFT plan (production head): production.plan.released.v1, sales moves the order IN_EXECUTION',
    description: 'Of two heads releasing at once one wins; the other gets 409 naming the status (`currentStatus`). A stale If-Match is 409 (`currentVersion`).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(ProductionPlanView, { errors: [400, 403, 404, 409], description: 'the released plan' })
  release(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() actor: Principal, @IfMatch() ifMatch: number | undefined): Promise<ProductionPlanView> {
    return this.plans.release(id, actor, ifMatch);
  }

  @Post('plans/:id/reschedule')
  @HttpCode(200)
  @Allow(HEAD)
  @ApiIfMatch()
  @ApiOperation({
    summary: "Schedules a DRAFT plan again on today's free capacity (production head); its load ledger rows follow (R3.3)",
    description: 'Only a DRAFT plan: a released one keeps its schedule. 409 naming the status otherwise.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(ProductionPlanView, { errors: [400, 403, 404, 409], description: 'the plan as scheduled now' })
  reschedule(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() actor: Principal, @IfMatch() ifMatch: number | undefined): Promise<ProductionPlanView> {
    return this.plans.reschedule(id, actor, ifMatch);
  }

  @Post('plans/:id/tasks/:taskId/progress')
  @HttpCode(200)
  @Allow('PRODUCTION')
  @ApiOperation({
    summary: 'Reports progress on a task of a released plan (production): the plan is IN_PROGRESS from the first report, the task DONE at 100',
    description:
      "`hoursWorked` (optional, positive, up to 2 decimals) announces the hours at the task's work centre's labour and overhead rates " +
      '(production.work.reported.v1, the order\'s actual cost in finance, R5.6). 400 names `progressPercent` outside 0..100 or a bad `hoursWorked`; ' +
      '409 on a plan that is not RELEASED or IN_PROGRESS, or a task already DONE.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'taskId', format: 'uuid' })
  @ApiAnswers(ProductionPlanView, { errors: [400, 403, 404, 409], description: 'the plan with the task as reported' })
  progress(
    @Param('id', uuidParam('id')) id: string,
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @Body() dto: ProgressDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<ProductionPlanView> {
    return this.plans.progress(id, taskId, dto, actor);
  }

  @Post('plans/:id/problems')
  @HttpCode(201)
  @Allow('PRODUCTION')
  @ApiOperation({ summary: 'Records a problem with a plan (production): equipment failure, staff shortage, late material, technical, other; an open one blocks completion' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(ProductionProblemView, { status: 201, errors: [400, 403, 404, 409], description: 'the problem, OPEN', example: PROBLEM_EXAMPLE })
  raiseProblem(@Param('id', uuidParam('id')) id: string, @Body() dto: RaiseProblemDto, @CurrentPrincipal() actor: Principal): Promise<ProductionProblemView> {
    return this.plans.raiseProblem(id, dto, actor);
  }

  @Post('problems/:id/resolve')
  @HttpCode(200)
  @Allow('PRODUCTION')
  @ApiOperation({ summary: 'Resolves an open problem with its resolution (production)', description: '409 when it is already resolved or its plan is stopped or completed.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(ProductionProblemView, {
    errors: [400, 403, 404, 409],
    description: 'the problem, RESOLVED',
    example: { ...PROBLEM_EXAMPLE, status: 'RESOLVED', resolution: 'bearing replaced, machine re-qualified', resolvedBy: 'production.staff', resolvedAt: '2026-12-03T15:40:00.000Z' },
  })
  resolveProblem(@Param('id', uuidParam('id')) id: string, @Body() dto: ResolveProblemDto, @CurrentPrincipal() actor: Principal): Promise<ProductionProblemView> {
    return this.plans.resolveProblem(id, dto, actor);
  }

  @Post('plans/:id/complete')
  @HttpCode(200)
  @Allow(HEAD)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Completes a plan with the quantity produced (production head): production.plan.completed.v1; the remaining capacity is freed',
    description: '409 while a problem is open or a task is not done; 422 naming `reason` when more than the ordered quantity was produced without one.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(ProductionPlanView, { errors: [400, 403, 404, 409, 422], description: 'the completed plan' })
  complete(@Param('id', uuidParam('id')) id: string, @Body() dto: CompletePlanDto, @CurrentPrincipal() actor: Principal, @IfMatch() ifMatch: number | undefined): Promise<ProductionPlanView> {
    return this.plans.complete(id, dto, actor, ifMatch);
  }

  @Post('plans/:id/stop')
  @HttpCode(200)
  @Allow(HEAD)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Stops a plan (production head): production.plan.stopped.v1; its remaining hours are free again (R3.3)',
    description: 'Acting on a STOPPED (or COMPLETED) plan is 409 naming its status.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(ProductionPlanView, { errors: [400, 403, 404, 409], description: 'the stopped plan' })
  stop(@Param('id', uuidParam('id')) id: string, @Body() dto: StopPlanDto, @CurrentPrincipal() actor: Principal, @IfMatch() ifMatch: number | undefined): Promise<ProductionPlanView> {
    return this.plans.stop(id, dto, actor, ifMatch);
  }
}
