import { DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { DepartmentOrdersModule, loadWorkflowConfig, REVIEWING_DEPARTMENT_ENTITIES, REVIEWING_DEPARTMENT_MIGRATIONS, ReviewTasksModule, WORKFLOW_CONFIG } from '@opm/workflow';
import { CapacityModule } from './capacity/capacity.module';
import { CatalogModule } from './catalog/catalog.module';
import { MaterialsModule } from './materials/material-supply.consumer';
import { Product } from './catalog/product.entity';
import { loadProductionConfig, PRODUCTION_CONFIG } from './config/production-config';
import { Catalog1764200002000 } from './database/migrations/1764200002000-catalog';
import { WorkCentreResources1796164935669 } from './database/migrations/1796164935669-work-centre-resources';
import { ProductionPlans1796164935670 } from './database/migrations/1796164935670-production-plans';
import { TechnicalIssues1796164935671 } from './database/migrations/1796164935671-technical-issues';
import { WorkCentreRates1796400000100 } from './database/migrations/1796400000100-work-centre-rates';
import { ProductionDemoModule } from './demo/production-demo.module';
import { PlanDraftingHook, ProductionExecutionView, ProductionOrderPart } from './plans/execution-part';
import { PLAN_ENTITIES } from './plans/plan.entities';
import { PlansModule } from './plans/plans.module';
import { ProductionChangesModule } from './changes/changes.consumer';
import { ProductionCapacityAssessor } from './review/production.assessor';
import { TechnicalAssessor } from './review/technical.assessor';
import { TechnicalIssue } from './technical-issues/technical-issue.entity';
import { TechnicalIssuesModule } from './technical-issues/technical-issues.module';
import { WorkCentreCalendarException } from './work-centres/work-centre-calendar-exception.entity';
import { WorkCentre } from './work-centres/work-centre.entity';
import { WorkCentresModule } from './work-centres/work-centres.module';

export const PRODUCTION_ENTITIES = [...REVIEWING_DEPARTMENT_ENTITIES, Product, WorkCentre, WorkCentreCalendarException, ...PLAN_ENTITIES, TechnicalIssue];
export const PRODUCTION_MIGRATIONS = [...REVIEWING_DEPARTMENT_MIGRATIONS, Catalog1764200002000, WorkCentreResources1796164935669, ProductionPlans1796164935670, TechnicalIssues1796164935671, WorkCentreRates1796400000100];

@Module({})
export class ProductionAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ProductionAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: PRODUCTION_ENTITIES, migrations: PRODUCTION_MIGRATIONS }),
        // The review settings (REVIEW_*), validated at boot like the service's own (N6).
        AppConfigModule.forRoot(WORKFLOW_CONFIG, loadWorkflowConfig()),
        // Validated here, at boot, so a bad PRODUCTION_* variable stops the service with its name (N6).
        AppConfigModule.forRoot(PRODUCTION_CONFIG, loadProductionConfig()),
        // The issued order drafts the plan (R5.1); the plan and open technical issues are production's part of the order view.
        DepartmentOrdersModule.forDepartment('production', {
          imports: [PlansModule, TechnicalIssuesModule],
          hook: PlanDraftingHook,
          part: { viewName: 'ProductionOrder', field: 'execution', view: ProductionExecutionView, provider: ProductionOrderPart },
        }),
        PlansModule,
        ProductionChangesModule,
        TechnicalIssuesModule,
        MaterialsModule,
        WorkCentresModule,
        CatalogModule,
        ProductionDemoModule,
        // The technical department's review lives in production (ARCHITECTURE.md), beside the catalog it reads.
        ReviewTasksModule.forService('production', { departments: ['TECHNICAL', 'PRODUCTION'], assessors: [TechnicalAssessor, ProductionCapacityAssessor], imports: [CapacityModule] }),
      ],
    };
  }
}
