import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { DEPARTMENT_ORDER_MIGRATIONS, DepartmentOrdersModule, ReceivedOrder, OrderStatusCopyModule } from '@opm/workflow';

export const LOGISTICS_ENTITIES = [ReceivedOrder];
export const LOGISTICS_MIGRATIONS = [...DEPARTMENT_ORDER_MIGRATIONS];

@Module({})
export class LogisticsAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: LogisticsAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: LOGISTICS_ENTITIES, migrations: LOGISTICS_MIGRATIONS }),
        DepartmentOrdersModule.forDepartment('logistics'),
        OrderStatusCopyModule.forDepartment('logistics'),
      ],
    };
  }
}
