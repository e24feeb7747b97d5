import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { DEPARTMENT_ORDER_MIGRATIONS, DepartmentOrdersModule, ReceivedOrder, OrderStatusCopyModule } from '@opm/workflow';
import { Shipments1796300000000 } from './database/migrations/1796300000000-shipments';
import { LogisticsOrderPart } from './shipments/logistics-order.part';
import { Shipment } from './shipments/shipment.entity';
import { LogisticsShippingView } from './shipments/shipment.view';
import { ShipmentsModule } from './shipments/shipments.module';
import { LogisticsChangesModule } from './changes/changes.consumer';

export const LOGISTICS_ENTITIES = [ReceivedOrder, Shipment];
export const LOGISTICS_MIGRATIONS = [...DEPARTMENT_ORDER_MIGRATIONS, Shipments1796300000000];

@Module({})
export class LogisticsAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: LogisticsAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: LOGISTICS_ENTITIES, migrations: LOGISTICS_MIGRATIONS }),
        // The order's shipments are logistics' part of the combined view (R5.5, R1.3).
        DepartmentOrdersModule.forDepartment('logistics', {
          imports: [ShipmentsModule],
          part: { viewName: 'LogisticsOrder', field: 'shipping', view: LogisticsShippingView, provider: LogisticsOrderPart },
        }),
        // Logistics ships only what sales has READY_TO_SHIP (or already SHIPPED): the status is kept on its copy.
        OrderStatusCopyModule.forDepartment('logistics'),
        ShipmentsModule,
        LogisticsChangesModule,
      ],
    };
  }
}
