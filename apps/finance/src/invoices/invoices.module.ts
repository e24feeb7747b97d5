import { Module } from '@nestjs/common';
import { CreditModule } from '../credit/credit.module';
import { DemoReceivablesSeeder } from './demo-receivables.seeder';
import { InvoiceNumbers } from './invoice-number';
import { InvoicesController, SettlementSubmittedConsumer } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { OverdueAnnouncer } from './overdue-announcer';

/** Settlement in finance (R7.2): review of settlement lists, invoices and payments. */
@Module({
  imports: [CreditModule],
  controllers: [InvoicesController, SettlementSubmittedConsumer],
  providers: [InvoiceNumbers, InvoicesService, DemoReceivablesSeeder, OverdueAnnouncer],
  exports: [InvoicesService],
})
export class InvoicesModule {}
