import { DynamicModule, Module } from '@nestjs/common';
import { DepartmentOrdersModule, ReceivedOrder, ReceivedOrders1764100000500, ServiceConfig, ServiceCoreModule } from '@opm/platform';

export const QUALITY_ENTITIES = [ReceivedOrder];
export const QUALITY_MIGRATIONS = [ReceivedOrders1764100000500];

@Module({})
export class QualityAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: QualityAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: QUALITY_ENTITIES, migrations: QUALITY_MIGRATIONS }),
        DepartmentOrdersModule.forDepartment('quality'),
      ],
    };
  }
}
