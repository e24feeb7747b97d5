import { Module } from '@nestjs/common';
import { ApprovalsModule } from '../approvals/approvals.module';
import { AcknowledgementsConsumer, IssuanceController } from './issuance.controller';
import { ISSUE_MAILER_PROVIDER } from './issuance.providers';
import { IssuanceService } from './issuance.service';

@Module({
  imports: [ApprovalsModule],
  controllers: [IssuanceController, AcknowledgementsConsumer],
  providers: [IssuanceService, ISSUE_MAILER_PROVIDER],
})
export class IssuanceModule {}
