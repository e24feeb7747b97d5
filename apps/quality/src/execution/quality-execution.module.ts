import { Module } from '@nestjs/common';
import { InspectionPlanDrafter } from '../inspection-plans/inspection-plan.drafter';
import { InspectionPlansController } from '../inspection-plans/inspection-plans.controller';
import { InspectionPlansService } from '../inspection-plans/inspection-plans.service';
import { InspectionsController } from '../inspections/inspections.controller';
import { InspectionsService } from '../inspections/inspections.service';
import { NonconformancesController } from '../nonconformances/nonconformances.controller';
import { NonconformancesService } from '../nonconformances/nonconformances.service';
import { DocumentNumbers } from '../numbering/document-number';
import { QualityOrderPart } from '../results/quality-order.part';
import { QualityResultsService } from '../results/quality-results.service';

/** Quality's execution (R5.3): inspection plans, inspections, nonconformances and the order's quality results. */
@Module({
  controllers: [InspectionPlansController, InspectionsController, NonconformancesController],
  providers: [DocumentNumbers, QualityResultsService, InspectionPlansService, InspectionsService, NonconformancesService, InspectionPlanDrafter, QualityOrderPart],
  exports: [InspectionPlansService, QualityResultsService, NonconformancesService],
})
export class QualityExecutionModule {}
