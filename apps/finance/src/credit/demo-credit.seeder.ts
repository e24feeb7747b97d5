import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEMO_CUSTOMERS } from '@opm/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '@opm/platform';
import { CreditService } from './credit.service';

/** The demo customers' credit standing (good and poor credit) when DEMO_DATA is on; sales' copy fills by event. */
@Injectable()
export class DemoCreditSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoCreditSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credit: CreditService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    const seeded = await this.dataSource.transaction(async (m) => {
      const names: string[] = [];
      for (const c of DEMO_CUSTOMERS) {
        if (await this.credit.seedDemoAccount(m, { id: c.id, name: c.name, creditLimit: c.creditLimit, overdueAmount: c.overdueAmount })) names.push(c.name);
      }
      return names;
    });
    if (seeded.length > 0) this.logger.log(`demo credit accounts seeded: ${seeded.join(', ')}`);
  }
}
