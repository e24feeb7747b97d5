import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEMO_CUSTOMERS } from '@opm/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '@opm/platform';
import { Customer } from './customer.entity';
import { CustomersService } from './customers.service';

/** Demo customers (good and poor credit) when demo data is on; finance seeds their credit accounts. */
@Injectable()
export class DemoCustomersSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoCustomersSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('sales.demo-customers'))`);
      for (const c of DEMO_CUSTOMERS) {
        if (await m.existsBy(Customer, { id: c.id })) continue;
        await this.customers.register(m, { name: c.name, contactPerson: c.contactPerson, phone: c.phone, email: c.email, address: c.address }, c.id);
        this.logger.log(`demo customer ${c.name} registered`);
      }
    });
  }
}
