import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '@opm/platform';
import { ProductsService } from '../catalog/products.service';
import { WorkCentresService } from '../work-centres/work-centres.service';
import { DEMO_PRODUCTS, DEMO_WORK_CENTRES } from './demo-catalog';

/**
 * Demo master data when DEMO_DATA is on: work centres with their calendar, then the catalog. Only what is missing
 * is inserted (a product a head has since changed stays as changed), in one transaction, and each new product is
 * announced through the outbox like any other, so sales' copy fills without a special path.
 */
@Injectable()
export class ProductionDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProductionDemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly products: ProductsService,
    private readonly workCentres: WorkCentresService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    const created = await this.dataSource.transaction(async (m) => {
      const names: string[] = [];
      for (const centre of DEMO_WORK_CENTRES) {
        if (await this.workCentres.insertIfMissing(m, centre)) names.push(centre.code);
      }
      for (const product of DEMO_PRODUCTS) {
        if (!(await this.products.insertIfMissing(m, product))) continue;
        await this.products.announce(m, product.code, 'product.created', null, 'demo data');
        names.push(product.code);
      }
      return names;
    });
    if (created.length > 0) this.logger.log(`demo master data created: ${created.join(', ')}`);
  }
}
