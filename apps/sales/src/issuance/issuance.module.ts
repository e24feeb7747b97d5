import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { AcknowledgementsConsumer, IssuanceController } from './issuance.controller';
import { ISSUE_MAILER_PROVIDER } from './issuance.providers';
import { IssuanceService } from './issuance.service';

@Module({
  imports: [LifecycleModule],
  controllers: [IssuanceController, AcknowledgementsConsumer],
  providers: [IssuanceService, ISSUE_MAILER_PROVIDER],
})
export class IssuanceModule {}
