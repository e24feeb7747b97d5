import { DynamicModule, Module } from '@nestjs/common';
import { DepartmentOrdersModule, ReceivedOrder, ReceivedOrders1764100000500, ServiceConfig, ServiceCoreModule } from '@opm/platform';

@Module({})
export class ProductionAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ProductionAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: [ReceivedOrder], migrations: [ReceivedOrders1764100000500] }),
        DepartmentOrdersModule.forDepartment('production'),
      ],
    };
  }
}
