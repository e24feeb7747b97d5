import type { InspectionResult, InspectionStage, NonconformanceStatus } from '@opm/contracts';

export interface QualityResults {
  inspectionsPassed: number;
  inspectionsFailed: number;
  /** A FINAL inspection has passed. */
  finalInspectionPassed: boolean;
  /** Raised and not yet closed (dispositioned ones included: the disposition is still being carried out). */
  openNonconformances: number;
}

/** The order's quality results (R5.3, R1.4 "right quality"), derived from its inspections and nonconformances. */
export function qualityResults(inspections: readonly { stage: InspectionStage; result: InspectionResult }[], nonconformances: readonly { status: NonconformanceStatus }[]): QualityResults {
  return {
    inspectionsPassed: inspections.filter((i) => i.result === 'PASS').length,
    inspectionsFailed: inspections.filter((i) => i.result === 'FAIL').length,
    finalInspectionPassed: inspections.some((i) => i.stage === 'FINAL' && i.result === 'PASS'),
    openNonconformances: nonconformances.filter((n) => n.status !== 'CLOSED').length,
  };
}
