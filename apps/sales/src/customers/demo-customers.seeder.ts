import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DEMO_CUSTOMERS } from '@opm/contracts';
import { DemoData } from '@opm/platform';
import { Customer } from './customer.entity';
import { CustomersService } from './customers.service';

/** Demo customers (good and poor credit) when demo data is on; finance seeds their credit accounts. */
@Injectable()
export class DemoCustomersSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly demo: DemoData,
    private readonly customers: CustomersService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.demo.seed('demo customers', async (m) => {
      const created: string[] = [];
      for (const c of DEMO_CUSTOMERS) {
        if (await m.existsBy(Customer, { id: c.id })) continue;
        await this.customers.register(m, { name: c.name, contactPerson: c.contactPerson, phone: c.phone, email: c.email, address: c.address }, c.id);
        created.push(c.name);
      }
      return created;
    });
  }

}
