import { Body, Controller, DynamicModule, Get, HttpCode, Module, ModuleMetadata, Param, Post, Query, Type } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SalesOrderReviewRequestedV1 } from '@opm/contracts';
import { CurrentPrincipal, type EventContext, Inbox, type Principal, uuidParam } from '@opm/platform';
import { overdueScanOf } from '../due-tasks/overdue-scan';
import { ReviewAssessor } from './review-assessor';
import { ReviewTaskDeadlines } from './review-task-deadlines';
import { REVIEW_ASSESSORS, ReviewTasksService } from './review-tasks.service';

export class OpinionDto {
  @ApiProperty({ enum: ['PASS', 'FAIL'] })
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
  assessors: Type<ReviewAssessor>[];
  imports?: ModuleMetadata['imports'];
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
      @ApiOperation({ summary: "A department answers its review task: PASS or FAIL, opinion, proposals (R3.7); only that department" })
      answer(
        @Param('id', uuidParam('id')) id: string,
        @Param('department') department: string,
        @Body() dto: OpinionDto,
        @CurrentPrincipal() principal: Principal,
      ) {
        return this.tasks.answer(id, department, dto, principal);
      }

      @Get(`${service}/review-tasks`)
      @ApiOperation({ summary: "This service's review tasks, with assessment, due time and overdue flag" })
      list(@Query() query: ReviewTasksQuery) {
        return this.tasks.list(query).then((items) => ({ items }));
      }
    }

    return {
      module: ReviewTasksModule,
      imports: options.imports ?? [],
      controllers: [ReviewRequestsConsumer as Type, ReviewTasksController as Type],
      providers: [
        ...options.assessors,
        { provide: REVIEW_ASSESSORS, useFactory: (...assessors: ReviewAssessor[]) => assessors, inject: options.assessors },
        ReviewTasksService,
        // Due times and escalation that survive restarts: the shared due-task scan, at start-up and every REVIEW_SCAN_MS.
        ReviewTaskDeadlines,
        overdueScanOf(ReviewTaskDeadlines),
      ],
      exports: [ReviewTasksService],
    };
  }
}
