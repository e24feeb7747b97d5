import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DEMO_CUSTOMERS } from '@opm/contracts';
import { DemoData } from '@opm/platform';
import { CreditService } from './credit.service';

/** The demo customers' credit standing (good and poor credit) when DEMO_DATA is on; sales' copy fills by event. */
@Injectable()
export class DemoCreditSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly demo: DemoData,
    private readonly credit: CreditService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.demo.seed('demo credit accounts', async (m) => {
      const names: string[] = [];
      for (const c of DEMO_CUSTOMERS) {
        if (await this.credit.seedDemoAccount(m, { id: c.id, name: c.name, creditLimit: c.creditLimit, overdueAmount: c.overdueAmount })) names.push(c.name);
      }
      return names;
    });
  }

}
