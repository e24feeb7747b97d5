import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicJob } from '@opm/platform';
import { FINANCE_CONFIG, type FinanceConfig } from '../config/finance-config';
import { InvoicesService } from './invoices.service';
import { ReceivablesService } from './receivables.service';

/**
 * Every FINANCE_OVERDUE_SCAN_MS: re-announces the credit standing of customers whose invoices fell due unpaid (R2.4),
 * then records the dunning notices their days overdue reached (R7.3).
 */
@Injectable()
export class OverdueAnnouncer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(invoices: InvoicesService, receivables: ReceivablesService, @Inject(FINANCE_CONFIG) config: FinanceConfig) {
    this.job = new PeriodicJob('overdue invoice scan', config.FINANCE_OVERDUE_SCAN_MS, async () => (await invoices.announceOverdue()) + (await receivables.runDunning()));
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
