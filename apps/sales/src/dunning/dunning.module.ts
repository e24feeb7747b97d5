import { Module } from '@nestjs/common';
import { ORDER_MAILER_PROVIDER } from '../documents/order-mailer.provider';
import { DunningConsumer, DunningController } from './dunning.controller';
import { DunningMailService } from './dunning-mail.service';

/** Dunning e-mails to the customer (R7.3, issue 16 item 4) from finance's finance.invoice.dunned. */
@Module({
  controllers: [DunningController, DunningConsumer],
  providers: [DunningMailService, ORDER_MAILER_PROVIDER],
})
export class DunningModule {}
