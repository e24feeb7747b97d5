import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicJob } from '@opm/platform';
import { SALES_CONFIG, SalesConfig } from '../config/sales-config';
import { IntakeService } from './intake.service';

/** Ends the wait for a credit standing that never came (INTAKE_CREDIT_WAIT_SECONDS), every INTAKE_SCAN_MS; the wait is stored, so restarts lose nothing. */
@Injectable()
export class CreditWaitScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(intake: IntakeService, @Inject(SALES_CONFIG) config: SalesConfig) {
    this.job = new PeriodicJob('credit wait scan', config.INTAKE_SCAN_MS, () => intake.endOverdueCreditWaits());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}
