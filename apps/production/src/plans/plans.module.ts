import { Module } from '@nestjs/common';
import { CapacityModule } from '../capacity/capacity.module';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { QualityReviewConsumer } from './quality-review.consumer';

@Module({ imports: [CapacityModule], controllers: [PlansController, QualityReviewConsumer], providers: [PlansService], exports: [PlansService] })
export class PlansModule {}
