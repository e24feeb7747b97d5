import { z } from 'zod';
import { apiView, type ViewOf } from '@opm/platform';
import { InspectionPlanView } from '../inspection-plans/inspection-plan.view';
import { NonconformanceView } from '../nonconformances/nonconformance.view';

export const QualityResultsView = apiView(
  'QualityResults',
  z.object({
    revision: z.number().int().nonnegative().describe('grows by one with every change (0: nothing inspected yet), as announced in quality.order.results-changed.v1'),
    inspectionsPassed: z.number().int().nonnegative(),
    inspectionsFailed: z.number().int().nonnegative(),
    finalInspectionPassed: z.boolean(),
    openNonconformances: z.number().int().nonnegative(),
    changedAt: z.iso.datetime({ offset: true }).nullable(),
  }),
);
export type QualityResultsView = ViewOf<typeof QualityResultsView>;

/** Quality's records of an order in its part of the combined view `GET /orders/{id}` (issue 13 item 6). */
export const QualityOrderInspectionView = apiView(
  'QualityOrderInspection',
  z.object({
    plan: InspectionPlanView.schema.nullable(),
    results: QualityResultsView.schema,
    nonconformances: z.array(NonconformanceView.schema),
  }),
);
export type QualityOrderInspectionView = ViewOf<typeof QualityOrderInspectionView>;
