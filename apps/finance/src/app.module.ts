import { DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { DepartmentOrdersModule, loadWorkflowConfig, REVIEWING_DEPARTMENT_ENTITIES, REVIEWING_DEPARTMENT_MIGRATIONS, ReviewTasksModule, WORKFLOW_CONFIG } from '@opm/workflow';
import { FinanceCatalogProduct } from './catalog/catalog-product.entity';
import { CatalogModule } from './catalog/catalog.module';
import { FINANCE_CONFIG, loadFinanceConfig } from './config/finance-config';
import { CreditAccount } from './credit/credit-account.entity';
import { CreditModule } from './credit/credit.module';
import { OrderExposureHook } from './credit/order-exposure.hook';
import { CreditAccounts1764200005000 } from './database/migrations/1764200005000-credit-accounts';
import { FinanceCatalogCopy1764300005000 } from './database/migrations/1764300005000-catalog-copy';
import { FinanceAssessor } from './review/finance.assessor';

export const FINANCE_ENTITIES = [...REVIEWING_DEPARTMENT_ENTITIES, CreditAccount, FinanceCatalogProduct];
export const FINANCE_MIGRATIONS = [...REVIEWING_DEPARTMENT_MIGRATIONS, CreditAccounts1764200005000, FinanceCatalogCopy1764300005000];

@Module({})
export class FinanceAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: FinanceAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: FINANCE_ENTITIES, migrations: FINANCE_MIGRATIONS }),
        // The review settings (REVIEW_*), validated at boot like the service's own (N6).
        AppConfigModule.forRoot(WORKFLOW_CONFIG, loadWorkflowConfig()),
        DepartmentOrdersModule.forDepartment('finance', { imports: [CreditModule], hook: OrderExposureHook }),
        CreditModule,
        // Validated here, at boot, so a bad FINANCE_* variable stops the service with its name (N6).
        AppConfigModule.forRoot(FINANCE_CONFIG, loadFinanceConfig()),
        CatalogModule,
        ReviewTasksModule.forService('finance', { departments: ['FINANCE'], assessors: [FinanceAssessor] }),
      ],
    };
  }
}
