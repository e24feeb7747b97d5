import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReviewTaskCompletedV1, ReviewTaskOpenedV1, ReviewTaskOverdueV1 } from '@opm/contracts';
import { Allow, ApiAnswers, ApiIfMatch, CurrentPrincipal, EventContext, IfMatch, Inbox, Principal, uuidParam } from '@opm/platform';
import { OrderView, OrderViewDef } from '../lifecycle/order-view';
import { PanelConclusionDto } from './dto/panel-conclusion.dto';
import { ReviseOrderDto } from './dto/revise-order.dto';
import { ReviewRoundsDef, ReviewRoundsView } from './review-view';
import { ReviewService } from './review.service';

@ApiTags('review')
@Controller('orders/:id')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get('review')
  @ApiOperation({ summary: "The review round(s): each department's task, assessment, due time, overdue flag, opinion; the report (R3)" })
  @ApiAnswers(ReviewRoundsDef, { errors: [400, 404], description: 'every round of the order, oldest first; `rounds: []` before review' })
  get(@Param('id', uuidParam('id')) id: string): Promise<ReviewRoundsView> {
    return this.review.get(id);
  }

  @Post('review/panel/conclusion')
  @Allow('*:LEADER')
  @HttpCode(200)
  @ApiOperation({ summary: "The panel chair's conclusion signs off a major order's report (R3.1)" })
  @ApiBody({
    type: PanelConclusionDto,
    examples: {
      pass: { summary: 'the panel agrees: the order goes to approval', value: { conclusion: 'PASS', comment: 'Panel agrees; purchasing to order solenoids this week.' } },
      fail: { summary: 'the panel refuses: the order goes back to sales (REVIEW_FAILED)', value: { conclusion: 'FAIL', comment: 'Capacity in March is not there; propose delivery in May.' } },
    },
  })
  // 404: no such order, or no review; 409: not a panel review, not every department has answered yet, or already concluded.
  @ApiAnswers(ReviewRoundsDef, { errors: [400, 403, 404, 409], description: 'the rounds, the last one PASSED or FAILED with `chair`' })
  conclude(@Param('id', uuidParam('id')) id: string, @Body() dto: PanelConclusionDto, @CurrentPrincipal() chair: Principal): Promise<ReviewRoundsView> {
    return this.review.chairConclude(id, dto, chair);
  }

  @Post('revise')
  @Allow('SALES')
  @HttpCode(200)
  @ApiIfMatch()
  @ApiOperation({ summary: 'Revise after a failed review and review again: a new round, earlier ones kept (R3.7)' })
  @ApiBody({
    type: ReviseOrderDto,
    examples: {
      dateAndPrice: {
        summary: 'what was agreed with the customer: a later date and a new price',
        value: {
          reason: 'customer accepts delivery on 2027-05-10 and a price of 13.20',
          deliveryDate: '2027-05-10',
          lines: [{ productCode: 'P-100', quantity: 100, unitPrice: '13.20' }],
        },
      },
    },
  })
  @ApiAnswers(OrderViewDef, { errors: [400, 403, 404, 409], description: 'the revised order, UNDER_REVIEW again (a new round is open)' })
  revise(@Param('id', uuidParam('id')) id: string, @Body() dto: ReviseOrderDto, @IfMatch() ifMatch: number | undefined): Promise<OrderView> {
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
