import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { Orders1764100001000 } from './database/migrations/1764100001000-orders';
import { OrderLine } from './orders/order-line.entity';
import { Order } from './orders/order.entity';
import { OrdersModule } from './orders/orders.module';

export const SALES_ENTITIES = [Order, OrderLine];
export const SALES_MIGRATIONS = [Orders1764100001000];

@Module({})
export class SalesAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: SalesAppModule,
      imports: [ServiceCoreModule.forRoot({ config, entities: SALES_ENTITIES, migrations: SALES_MIGRATIONS }), OrdersModule],
    };
  }
}
