import { DynamicModule, Module } from '@nestjs/common';
import { DepartmentOrdersModule, ReceivedOrder, ReceivedOrders1764100000500, ServiceConfig, ServiceCoreModule } from '@opm/platform';

export const FINANCE_ENTITIES = [ReceivedOrder];
export const FINANCE_MIGRATIONS = [ReceivedOrders1764100000500];

@Module({})
export class FinanceAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: FinanceAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: FINANCE_ENTITIES, migrations: FINANCE_MIGRATIONS }),
        DepartmentOrdersModule.forDepartment('finance'),
      ],
    };
  }
}
