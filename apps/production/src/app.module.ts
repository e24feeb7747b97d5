import { DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { DepartmentOrdersModule, loadWorkflowConfig, REVIEWING_DEPARTMENT_ENTITIES, REVIEWING_DEPARTMENT_MIGRATIONS, ReviewTasksModule, WORKFLOW_CONFIG } from '@opm/workflow';
import { CatalogModule } from './catalog/catalog.module';
import { Product } from './catalog/product.entity';
import { Catalog1764200002000 } from './database/migrations/1764200002000-catalog';
import { ProductionDemoModule } from './demo/production-demo.module';
import { ProductionCapacityAssessor } from './review/production.assessor';
import { TechnicalAssessor } from './review/technical.assessor';
import { WorkCentreCalendarException } from './work-centres/work-centre-calendar-exception.entity';
import { WorkCentre } from './work-centres/work-centre.entity';
import { WorkCentresModule } from './work-centres/work-centres.module';

export const PRODUCTION_ENTITIES = [...REVIEWING_DEPARTMENT_ENTITIES, Product, WorkCentre, WorkCentreCalendarException];
export const PRODUCTION_MIGRATIONS = [...REVIEWING_DEPARTMENT_MIGRATIONS, Catalog1764200002000];

@Module({})
export class ProductionAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ProductionAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: PRODUCTION_ENTITIES, migrations: PRODUCTION_MIGRATIONS }),
        // The review settings (REVIEW_*), validated at boot like the service's own (N6).
        AppConfigModule.forRoot(WORKFLOW_CONFIG, loadWorkflowConfig()),
        DepartmentOrdersModule.forDepartment('production'),
        WorkCentresModule,
        CatalogModule,
        ProductionDemoModule,
        // The technical department's review lives in production (ARCHITECTURE.md), beside the catalog it reads.
        ReviewTasksModule.forService('production', { departments: ['TECHNICAL', 'PRODUCTION'], assessors: [TechnicalAssessor, ProductionCapacityAssessor] }),
      ],
    };
  }
}
