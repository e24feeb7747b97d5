import { Module } from '@nestjs/common';
import { CreditController } from './credit.controller';
import { CreditService } from './credit.service';
import { CustomerEventsConsumer } from './customer-events.consumer';

@Module({ controllers: [CreditController, CustomerEventsConsumer], providers: [CreditService], exports: [CreditService] })
export class CreditModule {}
