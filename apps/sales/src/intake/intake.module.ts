import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { CreditWaitScheduler } from './credit-wait.scheduler';
import { CreditCopyConsumer, IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';
import { LeadsController } from './leads/leads.controller';
import { LeadsService } from './leads/leads.service';

/** Intake (R2): orders recorded from every channel and lead, the preliminary review, missing information, escalation. */
@Module({
  imports: [LifecycleModule, CustomersModule],
  controllers: [IntakeController, CreditCopyConsumer, LeadsController],
  providers: [IntakeService, LeadsService, CreditWaitScheduler],
})
export class IntakeModule {}
