import { DynamicModule, Module } from '@nestjs/common';
import { DepartmentOrdersModule, ReceivedOrder, ReceivedOrders1764100000500, ServiceConfig, ServiceCoreModule } from '@opm/platform';

export const PRODUCTION_ENTITIES = [ReceivedOrder];
export const PRODUCTION_MIGRATIONS = [ReceivedOrders1764100000500];

@Module({})
export class ProductionAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ProductionAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: PRODUCTION_ENTITIES, migrations: PRODUCTION_MIGRATIONS }),
        DepartmentOrdersModule.forDepartment('production'),
      ],
    };
  }
}
