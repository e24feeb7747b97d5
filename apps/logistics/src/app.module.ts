import { DynamicModule, Module } from '@nestjs/common';
import { DepartmentOrdersModule, ReceivedOrder, ReceivedOrders1764100000500, ServiceConfig, ServiceCoreModule } from '@opm/platform';

@Module({})
export class LogisticsAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: LogisticsAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: [ReceivedOrder], migrations: [ReceivedOrders1764100000500] }),
        DepartmentOrdersModule.forDepartment('logistics'),
      ],
    };
  }
}
