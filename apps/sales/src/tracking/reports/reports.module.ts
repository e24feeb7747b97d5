import { Module } from '@nestjs/common';
import { LedgerOrderOutlook, OrderOutlookSource } from './order-outlook';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Weekly reports (R6.5) and order performance (R1.4) over the tracking ledger. */
@Module({
  controllers: [ReportsController],
  // The lead switches OrderOutlookSource to live monitoring's projection after the merge.
  providers: [ReportsService, { provide: OrderOutlookSource, useClass: LedgerOrderOutlook }],
})
export class ReportsModule {}
