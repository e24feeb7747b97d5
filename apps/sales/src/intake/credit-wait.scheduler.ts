import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SALES_CONFIG, SalesConfig } from '../config/sales-config';
import { IntakeService } from './intake.service';

/** Ends the wait for a credit standing that never came (INTAKE_CREDIT_WAIT_SECONDS), every INTAKE_SCAN_MS; the wait is stored, so restarts lose nothing. */
@Injectable()
export class CreditWaitScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CreditWaitScheduler.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly intake: IntakeService,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.intake.endOverdueCreditWaits().catch((e: Error) => this.logger.warn(`credit wait scan failed: ${e.message}`));
    }, this.config.INTAKE_SCAN_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
