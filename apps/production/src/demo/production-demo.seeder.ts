import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DemoData } from '@opm/platform';
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
  constructor(
    private readonly demo: DemoData,
    private readonly products: ProductsService,
    private readonly workCentres: WorkCentresService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.demo.seed('demo work centres and catalog', async (m) => {
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
  }

}
