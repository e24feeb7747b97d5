import { DynamicModule, Module } from '@nestjs/common';
import { DepartmentOrdersModule, ReceivedOrder, ReceivedOrders1764100000500, ServiceConfig, ServiceCoreModule } from '@opm/platform';

export const LOGISTICS_ENTITIES = [ReceivedOrder];
export const LOGISTICS_MIGRATIONS = [ReceivedOrders1764100000500];

@Module({})
export class LogisticsAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: LogisticsAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: LOGISTICS_ENTITIES, migrations: LOGISTICS_MIGRATIONS }),
        DepartmentOrdersModule.forDepartment('logistics'),
      ],
    };
  }
}
