import { Module } from '@nestjs/common';
import { CreditModule } from '../credit/credit.module';
import { DemoReceivablesSeeder } from './demo-receivables.seeder';
import { InvoiceNumbers } from './invoice-number';
import { InvoicesController, SettlementSubmittedConsumer } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { OverdueAnnouncer } from './overdue-announcer';
import { ReceivablesController } from './receivables.controller';
import { ReceivablesService } from './receivables.service';

/** Settlement in finance (R7.2, R7.3): review of settlement lists, invoices, payments, receivables ageing and disputes. */
@Module({
  imports: [CreditModule],
  controllers: [InvoicesController, ReceivablesController, SettlementSubmittedConsumer],
  providers: [InvoiceNumbers, InvoicesService, DemoReceivablesSeeder, OverdueAnnouncer, ReceivablesService],
  exports: [InvoicesService],
})
export class InvoicesModule {}
