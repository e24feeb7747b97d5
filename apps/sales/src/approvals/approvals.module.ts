import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsService } from './approvals.service';

/** The approval chain (R4.1): opened when an order enters AWAITING_APPROVAL; it is the condition for issuing. */
@Module({ imports: [LifecycleModule], controllers: [ApprovalsController], providers: [ApprovalsService] })
export class ApprovalsModule {}
