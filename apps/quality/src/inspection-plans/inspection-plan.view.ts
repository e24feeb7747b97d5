import { z } from 'zod';
import { INSPECTION_STAGES } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import type { InspectionPlan } from './inspection-plan.entity';
import { PLAN_ITEM_SOURCES } from './inspection-plan';

export const InspectionPlanView = apiView(
  'InspectionPlan',
  z.object({
    id: z.uuid(),
    orderId: z.uuid(),
    orderNumber: z.string(),
    items: z.array(
      z.object({
        characteristic: z.string().describe('what is checked'),
        method: z.string().describe('how: the measurement, test or document, with the control measure from the review where one applies'),
        frequency: z.string().describe('how often: every part, a sample of each lot, every delivery...'),
        stage: z.enum(INSPECTION_STAGES),
        lineNo: z.number().int().positive().nullable().describe('the order line it applies to; null for the whole order'),
        source: z.enum(PLAN_ITEM_SOURCES).describe("quality's standard plan, a standard the review attained (R3.4), or the product's inspection notes"),
      }),
    ),
    reviewTaskId: z.uuid().nullable().describe('the quality review task whose attained standards the plan carries; null when the order had none'),
    draftedAt: z.iso.datetime({ offset: true }),
  }),
);
export type InspectionPlanView = ViewOf<typeof InspectionPlanView>;

export const toInspectionPlanView = (plan: InspectionPlan): InspectionPlanView => ({
  id: plan.id,
  orderId: plan.orderId,
  orderNumber: plan.orderNumber,
  items: plan.items,
  reviewTaskId: plan.reviewTaskId,
  draftedAt: plan.draftedAt.toISOString(),
});

export const INSPECTION_PLAN_EXAMPLE: InspectionPlanView = {
  id: '6f1b6c52-1d4e-4c8f-9a51-0b3f7e2d9a10',
  orderId: '3f1c2a9e-7b4d-4e1a-9c3b-2d5e6f7a8b90',
  orderNumber: 'SO-2026-000123',
  items: [
    {
      characteristic: 'material identity and certificates for line 1 (P-100)',
      method: 'check each delivery against the purchase contract and its material certificates',
      frequency: 'every delivery',
      stage: 'INCOMING',
      lineNo: 1,
      source: 'STANDARD_PLAN',
    },
    {
      characteristic: 'general tolerances to ISO 2768-m',
      method: '100% dimensional inspection of line 1 (P-100) against ISO 2768-m general tolerances, results recorded per lot',
      frequency: 'every part (100%), results recorded per lot',
      stage: 'IN_PROCESS',
      lineNo: 1,
      source: 'REVIEW',
    },
    {
      characteristic: 'quantity, marking and appearance of line 1 (P-100): 100 ordered',
      method: 'count, visual inspection, marking and labels checked against the order',
      frequency: 'every lot before shipment',
      stage: 'FINAL',
      lineNo: 1,
      source: 'STANDARD_PLAN',
    },
  ],
  reviewTaskId: '0b9f3c1d-2e4a-4b5c-8d6e-7f8091a2b3c4',
  draftedAt: '2026-12-01T09:30:00.000Z',
};
