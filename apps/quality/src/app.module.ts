import { DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { DepartmentOrdersModule, loadWorkflowConfig, REVIEWING_DEPARTMENT_ENTITIES, REVIEWING_DEPARTMENT_MIGRATIONS, ReviewTasksModule, WORKFLOW_CONFIG } from '@opm/workflow';
import { QualityStandards1764300004000 } from './database/migrations/1764300004000-quality-standards';
import { QualityDemoModule } from './demo/quality-demo.module';
import { QualityAssessor } from './review/quality.assessor';
import { QualityCapability } from './standards/quality-capability.entity';
import { StandardsModule } from './standards/standards.module';

export const QUALITY_ENTITIES = [...REVIEWING_DEPARTMENT_ENTITIES, QualityCapability];
export const QUALITY_MIGRATIONS = [...REVIEWING_DEPARTMENT_MIGRATIONS, QualityStandards1764300004000];

@Module({})
export class QualityAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: QualityAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: QUALITY_ENTITIES, migrations: QUALITY_MIGRATIONS }),
        // The review settings (REVIEW_*), validated at boot like the service's own (N6).
        AppConfigModule.forRoot(WORKFLOW_CONFIG, loadWorkflowConfig()),
        DepartmentOrdersModule.forDepartment('quality'),
        StandardsModule,
        QualityDemoModule,
        ReviewTasksModule.forService('quality', { departments: ['QUALITY'], assessors: [QualityAssessor] }),
      ],
    };
  }
}
