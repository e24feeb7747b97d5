import { Module } from '@nestjs/common';
import { ReviewController, ReviewEventsConsumer } from '../review/review.controller';
import { ReviewModule } from '../review/review.module';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  imports: [ReviewModule],
  controllers: [OrdersController, ReviewController, ReviewEventsConsumer],
  providers: [OrdersService],
  exports: [OrdersService],
})
export class OrdersModule {}
