import { DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { DepartmentOrdersModule, loadWorkflowConfig, REVIEWING_DEPARTMENT_ENTITIES, REVIEWING_DEPARTMENT_MIGRATIONS, ReviewTasksModule, WORKFLOW_CONFIG, OrderStatusCopyModule } from '@opm/workflow';
import { BillOfMaterials } from './boms/bill-of-materials.entity';
import { BomsModule } from './boms/boms.module';
import { PurchasingCatalogProduct } from './catalog/catalog-product.entity';
import { CatalogModule } from './catalog/catalog.module';
import { loadPurchasingConfig, PURCHASING_CONFIG } from './config/purchasing-config';
import { Materials1764200003000 } from './database/migrations/1764200003000-materials';
import { PurchasingCatalogCopy1764300003000 } from './database/migrations/1764300003000-catalog-copy';
import { PurchasingDemoModule } from './demo/purchasing-demo.module';
import { PurchasingAssessor } from './review/purchasing.assessor';
import { StockItem } from './stock/stock-item.entity';
import { StockModule } from './stock/stock.module';
import { Supplier } from './suppliers/supplier.entity';
import { SuppliersModule } from './suppliers/suppliers.module';
import { PurchasingExecution1796500000000 } from './database/migrations/1796500000000-purchasing-execution';
import { MaterialRequirement } from './requirements/material-requirement.entity';
import { PurchasingExecutionView, PurchasingOrderPart, RequirementsOnIssue } from './requirements/execution-part';
import { RequirementsModule } from './requirements/requirements.module';
import { PurchasingChangesModule } from './changes/changes.consumer';
import { RequirementAdjustment } from './changes/requirement-adjustment.entity';
import { RequirementAdjustments1797300002000 } from './database/migrations/1797300002000-requirement-adjustments';
import { ContractCancellation1797300004000 } from './database/migrations/1797300004000-contract-cancellation';
import { StockReservation } from './stock/stock-reservation.entity';
import { ReleaseReservationsOnCancel } from './stock/reservations';
import { PurchaseContract } from './contracts/purchase-contract.entity';
import { ContractsModule } from './contracts/contracts.module';
import { GoodsReceipt } from './receipts/goods-receipt.entity';

export const PURCHASING_ENTITIES = [...REVIEWING_DEPARTMENT_ENTITIES, Supplier, BillOfMaterials, StockItem, PurchasingCatalogProduct, MaterialRequirement, StockReservation, PurchaseContract, GoodsReceipt, RequirementAdjustment];
export const PURCHASING_MIGRATIONS = [...REVIEWING_DEPARTMENT_MIGRATIONS, Materials1764200003000, PurchasingCatalogCopy1764300003000, PurchasingExecution1796500000000, RequirementAdjustments1797300002000, ContractCancellation1797300004000];

@Module({})
export class PurchasingAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: PurchasingAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: PURCHASING_ENTITIES, migrations: PURCHASING_MIGRATIONS }),
        // The review settings (REVIEW_*), validated at boot like the service's own (N6).
        AppConfigModule.forRoot(WORKFLOW_CONFIG, loadWorkflowConfig()),
        // Validated here, at boot, so a bad PURCHASING_* variable stops the service with its name (N6).
        AppConfigModule.forRoot(PURCHASING_CONFIG, loadPurchasingConfig()),
        // The issued order's requirements are computed and free stock reserved (R5.2); requirements, reservations and
        // contracts are purchasing's part of the order view.
        DepartmentOrdersModule.forDepartment('purchasing', {
          imports: [RequirementsModule, ContractsModule, StockModule],
          hook: RequirementsOnIssue,
          part: { viewName: 'PurchasingOrder', field: 'execution', view: PurchasingExecutionView, provider: PurchasingOrderPart },
        }),
        // A cancelled order's reservations are released (R5.2).
        OrderStatusCopyModule.forDepartment('purchasing', { imports: [StockModule], hook: ReleaseReservationsOnCancel }),
        RequirementsModule,
        PurchasingChangesModule,
        ContractsModule,
        SuppliersModule,
        BomsModule,
        StockModule,
        CatalogModule,
        PurchasingDemoModule,
        ReviewTasksModule.forService('purchasing', { departments: ['PURCHASING'], assessors: [PurchasingAssessor] }),
      ],
    };
  }
}
