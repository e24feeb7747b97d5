import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicJob } from '@opm/platform';
import { FINANCE_CONFIG, type FinanceConfig } from '../config/finance-config';
import { InvoicesService } from './invoices.service';

/** Re-announces the credit standing of customers whose invoices fell due unpaid, every FINANCE_OVERDUE_SCAN_MS (R2.4). */
@Injectable()
export class OverdueAnnouncer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(invoices: InvoicesService, @Inject(FINANCE_CONFIG) config: FinanceConfig) {
    this.job = new PeriodicJob('overdue invoice scan', config.FINANCE_OVERDUE_SCAN_MS, () => invoices.announceOverdue());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
