import { DynamicModule, Module } from '@nestjs/common';
import { QualityChangesModule } from './changes/changes.consumer';
import { AppConfigModule, ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { DepartmentOrdersModule, loadWorkflowConfig, REVIEWING_DEPARTMENT_ENTITIES, REVIEWING_DEPARTMENT_MIGRATIONS, ReviewTasksModule, WORKFLOW_CONFIG } from '@opm/workflow';
import { QualityStandards1764300004000 } from './database/migrations/1764300004000-quality-standards';
import { QualityExecution1796164889462 } from './database/migrations/1796164889462-quality-execution';
import { QualityExecutionModule } from './execution/quality-execution.module';
import { InspectionPlanDrafter } from './inspection-plans/inspection-plan.drafter';
import { InspectionPlan } from './inspection-plans/inspection-plan.entity';
import { Inspection } from './inspections/inspection.entity';
import { Nonconformance } from './nonconformances/nonconformance.entity';
import { QualityOrderResults } from './results/order-results.entity';
import { QualityOrderPart } from './results/quality-order.part';
import { QualityOrderInspectionView } from './results/quality-results.view';
import { QualityDemoModule } from './demo/quality-demo.module';
import { QualityAssessor } from './review/quality.assessor';
import { QualityCapability } from './standards/quality-capability.entity';
import { StandardsModule } from './standards/standards.module';

export const QUALITY_ENTITIES = [...REVIEWING_DEPARTMENT_ENTITIES, QualityCapability, InspectionPlan, QualityOrderResults, Inspection, Nonconformance];
export const QUALITY_MIGRATIONS = [...REVIEWING_DEPARTMENT_MIGRATIONS, QualityStandards1764300004000, QualityExecution1796164889462];

@Module({})
export class QualityAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: QualityAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: QUALITY_ENTITIES, migrations: QUALITY_MIGRATIONS }),
        // The review settings (REVIEW_*), validated at boot like the service's own (N6).
        AppConfigModule.forRoot(WORKFLOW_CONFIG, loadWorkflowConfig()),
        // Issuing starts execution: the inspection plan is drafted in the acknowledgement's transaction, and quality's
        // records (plan, results, nonconformances) are its part of the combined view (R5.3, R1.3).
        DepartmentOrdersModule.forDepartment('quality', {
          imports: [QualityExecutionModule],
          hook: InspectionPlanDrafter,
          part: { viewName: 'QualityOrder', field: 'inspection', view: QualityOrderInspectionView, provider: QualityOrderPart },
        }),
        QualityExecutionModule,
        QualityChangesModule,
        StandardsModule,
        QualityDemoModule,
        ReviewTasksModule.forService('quality', { departments: ['QUALITY'], assessors: [QualityAssessor] }),
      ],
    };
  }
}
