import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { InvoiceDocumentController, SettlementConsumer, SettlementController } from './settlement.controller';
import { SettlementService } from './settlement.service';

/** The settlement stage (R7.1-7.2): the settlement list, and INVOICED / SETTLED from finance's events. */
@Module({
  imports: [LifecycleModule],
  controllers: [SettlementController, InvoiceDocumentController, SettlementConsumer],
  providers: [SettlementService],
})
export class SettlementModule {}
