import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReviewTaskCompletedV1, ReviewTaskOpenedV1, ReviewTaskOverdueV1 } from '@opm/contracts';
import { Allow, CurrentPrincipal, EventContext, IfMatch, Inbox, Principal, uuidParam } from '@opm/platform';
import { PanelConclusionDto } from './dto/panel-conclusion.dto';
import { ReviseOrderDto } from './dto/revise-order.dto';
import { ReviewService } from './review.service';

@ApiTags('review')
@Controller('orders/:id')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get('review')
  @ApiOperation({ summary: "The review round(s): each department's task, assessment, due time, overdue flag, opinion; the report (R3)" })
  @ApiOkResponse({ description: '{rounds: [{round, status, tasks: [...], report}]}' })
  get(@Param('id', uuidParam('id')) id: string) {
    return this.review.get(id);
  }

  @Post('review/panel/conclusion')
  @Allow('*:LEADER')
  @HttpCode(200)
  @ApiOperation({ summary: "The panel chair's conclusion signs off a major order's report (R3.1)" })
  conclude(@Param('id', uuidParam('id')) id: string, @Body() dto: PanelConclusionDto, @CurrentPrincipal() chair: Principal) {
    return this.review.chairConclude(id, dto, chair);
  }

  @Post('revise')
  @Allow('SALES')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOperation({ summary: 'Revise after a failed review and review again: a new round, earlier ones kept (R3.7)' })
  revise(@Param('id', uuidParam('id')) id: string, @Body() dto: ReviseOrderDto, @IfMatch() ifMatch: number | undefined) {
    return this.review.revise(id, dto, ifMatch);
  }
}

/** Sales follows every department's review task from their events (R3.7). */
@Controller()
export class ReviewEventsConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly review: ReviewService,
  ) {}

  @EventPattern(ReviewTaskOpenedV1.topic)
  async onOpened(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.review-opened', ReviewTaskOpenedV1, ctx, (e, m) => this.review.applyOpened(m, e.payload));
  }

  @EventPattern(ReviewTaskCompletedV1.topic)
  async onCompleted(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.review-completed', ReviewTaskCompletedV1, ctx, (e, m) => this.review.applyCompleted(m, e.payload));
  }

  @EventPattern(ReviewTaskOverdueV1.topic)
  async onOverdue(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.review-overdue', ReviewTaskOverdueV1, ctx, (e, m) => this.review.applyOverdue(m, e.payload));
  }
}
