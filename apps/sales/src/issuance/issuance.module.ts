import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { AcknowledgementsConsumer, IssuanceController } from './issuance.controller';
import { ORDER_MAILER_PROVIDER } from '../documents/order-mailer.provider';
import { IssuanceService } from './issuance.service';

@Module({
  imports: [LifecycleModule],
  controllers: [IssuanceController, AcknowledgementsConsumer],
  providers: [IssuanceService, ORDER_MAILER_PROVIDER],
})
export class IssuanceModule {}
