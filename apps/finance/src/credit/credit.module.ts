import { Module } from '@nestjs/common';
import { CreditController } from './credit.controller';
import { CreditService } from './credit.service';
import { CustomerEventsConsumer } from './customer-events.consumer';
import { DemoCreditSeeder } from './demo-credit.seeder';

@Module({ controllers: [CreditController, CustomerEventsConsumer], providers: [CreditService, DemoCreditSeeder], exports: [CreditService] })
export class CreditModule {}
