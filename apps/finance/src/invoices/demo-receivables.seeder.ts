import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DEMO_CUSTOMERS, toMinorUnits } from '@opm/contracts';
import { DemoData } from '@opm/platform';
import { CreditService } from '../credit/credit.service';
import { InvoicesService } from './invoices.service';

/**
 * The demo customers' credit standing when DEMO_DATA is on: their limits, and for the one with poor credit an overdue
 * opening-balance invoice, seeded first in the same transaction so the first standing sales receives already shows
 * the overdue debt (derived from that invoice, like any customer's). Sales' copy fills by event.
 */
@Injectable()
export class DemoReceivablesSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly demo: DemoData,
    private readonly credit: CreditService,
    private readonly invoices: InvoicesService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.demo.seed('demo credit accounts', async (m) => {
      const names: string[] = [];
      for (const c of DEMO_CUSTOMERS) {
        const invoiced = toMinorUnits(c.overdueAmount) > 0n && (await this.invoices.seedDemoOpeningBalance(m, c.id, c.overdueAmount));
        const seeded = await this.credit.seedDemoAccount(m, { id: c.id, name: c.name, creditLimit: c.creditLimit });
        // An account seeded before the invoice existed: its standing is announced again with the overdue debt.
        if (invoiced && !seeded) await this.credit.refreshExposure(m, c.id);
        if (seeded || invoiced) names.push(c.name);
      }
      return names;
    });
  }
}
