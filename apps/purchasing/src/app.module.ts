import { DynamicModule, Module } from '@nestjs/common';
import { DepartmentOrdersModule, ReceivedOrder, ReceivedOrders1764100000500, ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { BillOfMaterials } from './boms/bill-of-materials.entity';
import { BomsModule } from './boms/boms.module';
import { Materials1764200003000 } from './database/migrations/1764200003000-materials';
import { PurchasingDemoModule } from './demo/purchasing-demo.module';
import { StockItem } from './stock/stock-item.entity';
import { StockModule } from './stock/stock.module';
import { Supplier } from './suppliers/supplier.entity';
import { SuppliersModule } from './suppliers/suppliers.module';

export const PURCHASING_ENTITIES = [ReceivedOrder, Supplier, BillOfMaterials, StockItem];
export const PURCHASING_MIGRATIONS = [ReceivedOrders1764100000500, Materials1764200003000];

@Module({})
export class PurchasingAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: PurchasingAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: PURCHASING_ENTITIES, migrations: PURCHASING_MIGRATIONS }),
        DepartmentOrdersModule.forDepartment('purchasing'),
        SuppliersModule,
        BomsModule,
        StockModule,
        PurchasingDemoModule,
      ],
    };
  }
}
