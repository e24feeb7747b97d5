import { Module } from '@nestjs/common';
import { CostEventsConsumer, CostsController } from './costs.controller';
import { CostsService } from './costs.service';

/** Cost accounting per order (R5.6): the plan from the review, actuals from production's and purchasing's events. */
@Module({ controllers: [CostsController, CostEventsConsumer], providers: [CostsService], exports: [CostsService] })
export class CostsModule {}
