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
import { QualityStandards1764300004000 } from './database/migrations/1764300004000-quality-standards';
import { QualityDemoModule } from './demo/quality-demo.module';
import { QualityAssessor } from './review/quality.assessor';
import { QualityCapability } from './standards/quality-capability.entity';
import { StandardsModule } from './standards/standards.module';

export const QUALITY_ENTITIES = [ReceivedOrder, ReviewTask, QualityCapability];
export const QUALITY_MIGRATIONS = [ReceivedOrders1764100000500, ReviewTasks1764100000600, ReceivedOrderIssue1764100000700, QualityStandards1764300004000];

@Module({})
export class QualityAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: QualityAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: QUALITY_ENTITIES, migrations: QUALITY_MIGRATIONS }),
        DepartmentOrdersModule.forDepartment('quality'),
        StandardsModule,
        QualityDemoModule,
        ReviewTasksModule.forService('quality', { assessors: [QualityAssessor] }),
      ],
    };
  }
}
