import { Module } from '@nestjs/common';
import { TrackingMonitoringModule } from '../monitoring/monitoring.module';
import { MonitoringOrderOutlook, OrderOutlookSource } from './order-outlook';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Weekly reports (R6.5) and order performance (R1.4) over the tracking ledger. */
@Module({
  imports: [TrackingMonitoringModule],
  controllers: [ReportsController],
  providers: [ReportsService, { provide: OrderOutlookSource, useClass: MonitoringOrderOutlook }],
})
export class ReportsModule {}
