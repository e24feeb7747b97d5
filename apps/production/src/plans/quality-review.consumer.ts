import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ReviewTaskCompletedV1 } from '@opm/contracts';
import { type EventContext, Inbox } from '@opm/platform';
import { PlansService } from './plans.service';

/**
 * Quality's review answers carry its control measures (R3.4, `assessment.details.controlMeasures`): production
 * keeps them with its copy of the order for the plan's checkpoints. The other departments' answers are skipped.
 */
@Controller()
export class QualityReviewConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly plans: PlansService,
  ) {}

  @EventPattern(ReviewTaskCompletedV1.topic)
  async onReviewTaskCompleted(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('production.quality-measures', ReviewTaskCompletedV1, ctx, (event, m) => this.plans.applyQualityReview(m, event.payload));
  }
}
