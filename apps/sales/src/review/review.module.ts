import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { ReviewController, ReviewEventsConsumer } from './review.controller';
import { ReviewService } from './review.service';

/** The multi-department review (R3): rounds opened when an order enters UNDER_REVIEW, the report, the panel, revision. */
@Module({ imports: [LifecycleModule], controllers: [ReviewController, ReviewEventsConsumer], providers: [ReviewService] })
export class ReviewModule {}
