import { DynamicModule, Module } from '@nestjs/common';
import { DepartmentOrdersModule, ReceivedOrder, ReceivedOrders1764100000500, ServiceConfig, ServiceCoreModule } from '@opm/platform';

export const PURCHASING_ENTITIES = [ReceivedOrder];
export const PURCHASING_MIGRATIONS = [ReceivedOrders1764100000500];

@Module({})
export class PurchasingAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: PurchasingAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: PURCHASING_ENTITIES, migrations: PURCHASING_MIGRATIONS }),
        DepartmentOrdersModule.forDepartment('purchasing'),
      ],
    };
  }
}
