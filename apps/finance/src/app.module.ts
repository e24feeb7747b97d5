import { DynamicModule, Module } from '@nestjs/common';
import { DepartmentOrdersModule, ReceivedOrder, ReceivedOrders1764100000500, ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { CreditAccount } from './credit/credit-account.entity';
import { CreditModule } from './credit/credit.module';
import { OrderExposureHook } from './credit/order-exposure.hook';
import { CreditAccounts1764200005000 } from './database/migrations/1764200005000-credit-accounts';

export const FINANCE_ENTITIES = [ReceivedOrder, CreditAccount];
export const FINANCE_MIGRATIONS = [ReceivedOrders1764100000500, CreditAccounts1764200005000];

@Module({})
export class FinanceAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: FinanceAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: FINANCE_ENTITIES, migrations: FINANCE_MIGRATIONS }),
        DepartmentOrdersModule.forDepartment('finance', { imports: [CreditModule], hook: OrderExposureHook }),
        CreditModule,
      ],
    };
  }
}
