import { Module } from '@nestjs/common';
import { overdueScanOf } from '@opm/workflow';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { ReviewRequestDeadlines } from './review-requests-deadlines';
import { ReviewController, ReviewEventsConsumer } from './review.controller';
import { ReviewService } from './review.service';

/**
 * The multi-department review (R3): rounds opened when an order enters UNDER_REVIEW, the report, the panel, revision;
 * a request no department opened in time is escalated by the due-task scan (issue 11).
 */
@Module({
  imports: [LifecycleModule],
  controllers: [ReviewController, ReviewEventsConsumer],
  providers: [ReviewService, ReviewRequestDeadlines, overdueScanOf(ReviewRequestDeadlines)],
})
export class ReviewModule {}
