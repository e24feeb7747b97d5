import { Module } from '@nestjs/common';
import { CreditModule } from '../credit/credit.module';
import { InvoiceNumbers } from './invoice-number';
import { InvoicesController, SettlementSubmittedConsumer } from './invoices.controller';
import { InvoicesService } from './invoices.service';

/** Settlement in finance (R7.2): review of settlement lists, invoices and payments. */
@Module({
  imports: [CreditModule],
  controllers: [InvoicesController, SettlementSubmittedConsumer],
  providers: [InvoiceNumbers, InvoicesService],
  exports: [InvoicesService],
})
export class InvoicesModule {}
