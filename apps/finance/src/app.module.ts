import { DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { DepartmentOrdersModule, loadWorkflowConfig, REVIEWING_DEPARTMENT_ENTITIES, REVIEWING_DEPARTMENT_MIGRATIONS, ReviewTasksModule, WORKFLOW_CONFIG } from '@opm/workflow';
import { FinanceCatalogProduct } from './catalog/catalog-product.entity';
import { CatalogModule } from './catalog/catalog.module';
import { FINANCE_CONFIG, loadFinanceConfig } from './config/finance-config';
import { CreditAccount } from './credit/credit-account.entity';
import { CostsModule } from './costs/costs.module';
import { FinanceChangesModule } from './changes/changes.consumer';
import { CancellationLoss } from './changes/cancellation-loss.entity';
import { CancellationLoss1797300005000 } from './database/migrations/1797300005000-cancellation-loss';
import { FinanceOrderPart } from './costs/costs.part';
import { FinanceOrderHook } from './costs/finance-order.hook';
import { CostEntryRecord, OrderCost } from './costs/order-cost.entities';
import { OrderCostsView } from './costs/order-costs.view';
import { CreditModule } from './credit/credit.module';
import { CreditAccounts1764200005000 } from './database/migrations/1764200005000-credit-accounts';
import { FinanceCatalogCopy1764300005000 } from './database/migrations/1764300005000-catalog-copy';
import { OrderCosts1796400000000 } from './database/migrations/1796400000000-order-costs';
import { FinanceAssessor } from './review/finance.assessor';
import { Invoices1796700001000 } from './database/migrations/1796700001000-invoices';
import { CreditFromInvoices1796700002000 } from './database/migrations/1796700002000-credit-from-invoices';
import { Disputes1796700003000 } from './database/migrations/1796700003000-disputes';
import { Dunning1796700004000 } from './database/migrations/1796700004000-dunning';
import { Dispute, DunningNotice, FinanceSettlement, Invoice, Payment } from './invoices/invoice.entities';
import { InvoicesModule } from './invoices/invoices.module';

export const FINANCE_ENTITIES = [...REVIEWING_DEPARTMENT_ENTITIES, CreditAccount, FinanceCatalogProduct, OrderCost, CostEntryRecord, FinanceSettlement, Invoice, Payment, Dispute, DunningNotice, CancellationLoss];
export const FINANCE_MIGRATIONS = [...REVIEWING_DEPARTMENT_MIGRATIONS, CreditAccounts1764200005000, FinanceCatalogCopy1764300005000, OrderCosts1796400000000, Invoices1796700001000, CreditFromInvoices1796700002000, Disputes1796700003000, Dunning1796700004000, CancellationLoss1797300005000];

@Module({})
export class FinanceAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: FinanceAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: FINANCE_ENTITIES, migrations: FINANCE_MIGRATIONS }),
        // The review settings (REVIEW_*), validated at boot like the service's own (N6).
        AppConfigModule.forRoot(WORKFLOW_CONFIG, loadWorkflowConfig()),
        // An order reaching finance raises its customer's exposure (R2.4); its issue opens the order's cost account
        // with the review's estimate as the plan, and the costs are finance's part of the combined view (R5.6).
        DepartmentOrdersModule.forDepartment('finance', {
          imports: [CreditModule, CostsModule],
          hook: FinanceOrderHook,
          part: { viewName: 'FinanceOrder', field: 'costs', view: OrderCostsView, provider: FinanceOrderPart },
        }),
        CreditModule,
        CostsModule,
        FinanceChangesModule,
        InvoicesModule,
        // Validated here, at boot, so a bad FINANCE_* variable stops the service with its name (N6).
        AppConfigModule.forRoot(FINANCE_CONFIG, loadFinanceConfig()),
        CatalogModule,
        ReviewTasksModule.forService('finance', { departments: ['FINANCE'], assessors: [FinanceAssessor] }),
      ],
    };
  }
}
