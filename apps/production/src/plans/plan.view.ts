import { z } from 'zod';
import { CHECKPOINT_SOURCES, PLAN_STATUSES, PLAN_TASK_STATUSES, PROBLEM_SEVERITIES, PRODUCTION_PROBLEM_KINDS } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';

const at = z.iso.datetime({ offset: true });

export const ProductionProblemView = apiView(
  'ProductionProblem',
  z.object({
    id: z.uuid(),
    planId: z.uuid(),
    orderId: z.uuid(),
    kind: z.enum(PRODUCTION_PROBLEM_KINDS),
    severity: z.enum(PROBLEM_SEVERITIES),
    description: z.string(),
    status: z.enum(['OPEN', 'RESOLVED']).describe('an OPEN problem blocks completion'),
    raisedBy: z.string(),
    raisedAt: at,
    resolution: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: at.nullable(),
  }),
);
export type ProductionProblemView = ViewOf<typeof ProductionProblemView>;

export const ProductionTaskView = apiView(
  'ProductionTask',
  z.object({
    id: z.uuid(),
    seq: z.number().int().positive(),
    lineNo: z.number().int().positive().describe('the order line the task makes'),
    name: z.string(),
    workCentre: z.string(),
    hours: z.number().nonnegative().describe('work-centre hours: quantity x the catalog hours per unit'),
    resources: z.object({
      workCentre: z.string(),
      staffCount: z.number().int().nonnegative().describe("the centre's crew per shift"),
      equipment: z.array(z.string()),
    }),
    plannedStart: at.describe('start of the first day the task has hours on (UTC)'),
    plannedEnd: at.describe('end of the last day the task has hours on (UTC)'),
    status: z.enum(PLAN_TASK_STATUSES),
    progressPercent: z.number().int().min(0).max(100),
    lastNote: z.string().nullable(),
  }),
);

export const ProductionCheckpointView = apiView(
  'ProductionCheckpoint',
  z.object({
    id: z.uuid(),
    name: z.string(),
    source: z.enum(CHECKPOINT_SOURCES).describe("QUALITY_REVIEW: a control measure quality named in its review (R3.4); STANDARD: production's final check"),
  }),
);

export const ProductionPlanView = apiView(
  'ProductionPlan',
  z.object({
    id: z.uuid(),
    orderId: z.uuid(),
    orderNumber: z.string(),
    status: z.enum(PLAN_STATUSES),
    version: z.number().int().positive().describe('send it back in If-Match'),
    deliveryDate: z.iso.date().nullable().describe('the promised delivery date'),
    shippingDays: z.number().int().nonnegative(),
    deadline: z.iso.date().nullable().describe('production must end before this day: the delivery date minus shipping time'),
    plannedEnd: at.nullable(),
    late: z.boolean().describe('the schedule cannot end before the deadline'),
    earliestDeliveryDate: z.iso.date().nullable().describe('the delivery date the schedule can make'),
    tasks: z.array(ProductionTaskView.schema),
    checkpoints: z.array(ProductionCheckpointView.schema),
    problems: z.array(ProductionProblemView.schema),
    unplannedLines: z.array(z.object({ lineNo: z.number().int().positive(), reason: z.string() })).describe('lines no task could be scheduled for'),
    quantityOrdered: z.number().int().positive(),
    quantityProduced: z.number().int().nonnegative().nullable(),
    completionReason: z.string().nullable(),
    releasedBy: z.string().nullable(),
    releasedAt: at.nullable(),
    completedBy: z.string().nullable(),
    completedAt: at.nullable(),
    stoppedBy: z.string().nullable(),
    stoppedAt: at.nullable(),
    stopReason: z.string().nullable(),
    createdAt: at,
    updatedAt: at,
  }),
);
export type ProductionPlanView = ViewOf<typeof ProductionPlanView>;
