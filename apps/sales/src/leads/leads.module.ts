import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';

@Module({ imports: [OrdersModule], controllers: [LeadsController], providers: [LeadsService] })
export class LeadsModule {}
