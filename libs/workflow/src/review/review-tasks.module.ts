import { Body, Controller, DynamicModule, Get, HttpCode, Module, ModuleMetadata, Param, Post, Query, Type } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiBody, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { type ReviewDepartment, SalesOrderReviewRequestedV1 } from '@opm/contracts';
import { ApiAnswers, CurrentPrincipal, type EventContext, Inbox, type Principal, uuidParam } from '@opm/platform';
import { overdueScanOf } from '../due-tasks/overdue-scan';
import { ReviewAssessor } from './review-assessor';
import { ReviewTaskDeadlines } from './review-task-deadlines';
import { REVIEW_ASSESSORS, ReviewTaskListView, ReviewTasksService, ReviewTaskView } from './review-tasks.service';

export class OpinionDto {
  @ApiProperty({ enum: ['PASS', 'FAIL'], example: 'PASS' })
  @IsIn(['PASS', 'FAIL'])
  conclusion!: 'PASS' | 'FAIL';

  @ApiProperty({ example: 'Capacity is available; machining in weeks 3-5.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  opinion!: string;

  @ApiPropertyOptional({ type: [String], example: ['deliver on 2027-04-15 instead'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  proposals?: string[];
}

export class ReviewTasksQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ enum: ['OPEN', 'DONE', 'SUPERSEDED'] })
  @IsOptional()
  @IsIn(['OPEN', 'DONE', 'SUPERSEDED'])
  status?: string;
}

export interface ReviewTasksOptions {
  /** The departments this service reviews for, as the assessors name them (the document lists them for the gateway). */
  departments: readonly ReviewDepartment[];
  /** One per department, in the same order. */
  assessors: Type<ReviewAssessor>[];
  imports?: ModuleMetadata['imports'];
}

/** What a department's answer looks like, for the documentation's examples. */
const OPINION_EXAMPLES = {
  pass: {
    summary: 'the department agrees',
    value: { conclusion: 'PASS', opinion: 'Capacity is available; machining in weeks 3-5.' },
  },
  fail: {
    summary: 'the department cannot accept it as it stands, and proposes',
    value: { conclusion: 'FAIL', opinion: 'Machining is fully booked until week 14.', proposals: ['deliver on 2027-04-15 instead', 'split the order into two deliveries'] },
  },
};

/** The departments documented are the ones answered: the assessors must name exactly those, in that order. */
function checkedAssessors(service: string, departments: readonly ReviewDepartment[], assessors: ReviewAssessor[]): ReviewAssessor[] {
  const named = assessors.map((a) => a.department);
  if (named.join() !== departments.join()) {
    throw new Error(`${service} review tasks: departments ${departments.join(', ')} declared, but the assessors are for ${named.join(', ')}`);
  }
  return assessors;
}

/**
 * Review tasks for the departments a service reviews for (production: TECHNICAL and PRODUCTION; quality,
 * purchasing, finance: their own), each with its assessor. Serves the opinion endpoint the gateway routes to
 * by department, and `/<service>/review-tasks`.
 */
@Module({})
export class ReviewTasksModule {
  static forService(service: string, options: ReviewTasksOptions): DynamicModule {
    @Controller()
    class ReviewRequestsConsumer {
      constructor(
        private readonly inbox: Inbox,
        private readonly tasks: ReviewTasksService,
      ) {}

      @EventPattern(SalesOrderReviewRequestedV1.topic)
      async onReviewRequested(@Ctx() ctx: EventContext): Promise<void> {
        await this.inbox.consume(`${service}.review-tasks`, SalesOrderReviewRequestedV1, ctx, (event, m) => this.tasks.open(m, event.payload));
      }
    }

    @ApiTags('review')
    @Controller()
    class ReviewTasksController {
      constructor(private readonly tasks: ReviewTasksService) {}

      @Post('orders/:id/review/:department/opinion')
      @HttpCode(200)
      @ApiOperation({
        summary: 'A department answers its review task: PASS or FAIL, opinion, proposals (R3.7); only that department',
        description:
          "403 for another department, or, on a major order (panel review, R3.1), for anyone but that department's head. 404 for a department this service does not review for, or an order without a task for it. 409 once the task is answered.",
      })
      @ApiParam({ name: 'id', format: 'uuid', description: 'the order' })
      @ApiParam({ name: 'department', enum: [...options.departments], description: 'the reviewing department (any letter case); only it may answer' })
      @ApiBody({ type: OpinionDto, examples: OPINION_EXAMPLES })
      @ApiAnswers(ReviewTaskView, { errors: [400, 403, 404, 409], description: 'the task as answered' })
      answer(
        @Param('id', uuidParam('id')) id: string,
        @Param('department') department: string,
        @Body() dto: OpinionDto,
        @CurrentPrincipal() principal: Principal,
      ): Promise<ReviewTaskView> {
        return this.tasks.answer(id, department, dto, principal);
      }

      @Get(`${service}/review-tasks`)
      @ApiOperation({ summary: "This service's review tasks, with assessment, due time and overdue flag" })
      @ApiAnswers(ReviewTaskListView, { errors: [400], description: 'the newest 200 tasks that match, newest first' })
      list(@Query() query: ReviewTasksQuery): Promise<ReviewTaskListView> {
        return this.tasks.list(query).then((items) => ({ items }));
      }
    }

    return {
      module: ReviewTasksModule,
      imports: options.imports ?? [],
      controllers: [ReviewRequestsConsumer as Type, ReviewTasksController as Type],
      providers: [
        ...options.assessors,
        { provide: REVIEW_ASSESSORS, useFactory: (...assessors: ReviewAssessor[]) => checkedAssessors(service, options.departments, assessors), inject: options.assessors },
        ReviewTasksService,
        // Due times and escalation that survive restarts: the shared due-task scan, at start-up and every REVIEW_SCAN_MS.
        ReviewTaskDeadlines,
        overdueScanOf(ReviewTaskDeadlines),
      ],
      exports: [ReviewTasksService],
    };
  }
}
