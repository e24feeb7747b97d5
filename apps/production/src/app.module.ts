import { DynamicModule, Module } from '@nestjs/common';
import {
  DepartmentOrdersModule,
  ReceivedOrder,
  ReceivedOrderIssue1764100000700,
  ReceivedOrders1764100000500,
  ReviewTask,
  ReviewTasks1764100000600,
  ReviewTasksModule,
  ServiceConfig,
  ServiceCoreModule,
} from '@opm/platform';
import { CatalogModule } from './catalog/catalog.module';
import { Product } from './catalog/product.entity';
import { Catalog1764200002000 } from './database/migrations/1764200002000-catalog';
import { ProductionDemoModule } from './demo/production-demo.module';
import { ProductionCapacityAssessor } from './review/production.assessor';
import { TechnicalAssessor } from './review/technical.assessor';
import { WorkCentreCalendarException } from './work-centres/work-centre-calendar-exception.entity';
import { WorkCentre } from './work-centres/work-centre.entity';
import { WorkCentresModule } from './work-centres/work-centres.module';

export const PRODUCTION_ENTITIES = [ReceivedOrder, ReviewTask, Product, WorkCentre, WorkCentreCalendarException];
export const PRODUCTION_MIGRATIONS = [ReceivedOrders1764100000500, ReviewTasks1764100000600, ReceivedOrderIssue1764100000700, Catalog1764200002000];

@Module({})
export class ProductionAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ProductionAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: PRODUCTION_ENTITIES, migrations: PRODUCTION_MIGRATIONS }),
        DepartmentOrdersModule.forDepartment('production'),
        WorkCentresModule,
        CatalogModule,
        ProductionDemoModule,
        // The technical department's review lives in production (ARCHITECTURE.md), beside the catalog it reads.
        ReviewTasksModule.forService('production', { assessors: [TechnicalAssessor, ProductionCapacityAssessor] }),
      ],
    };
  }
}
