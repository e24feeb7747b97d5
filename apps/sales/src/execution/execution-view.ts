import { z } from 'zod';
import { ORDER_STATUSES } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import type { OrderExecution } from './order-execution.entity';
import { readyToShip } from './ready-to-ship';

const at = () => z.iso.datetime({ offset: true }).nullable();

/** An order's execution as sales follows it (R5.1, R5.3): what production and quality have told it, and what is still missing. */
export const OrderExecutionViewDef = apiView(
  'OrderExecution',
  z.object({
    orderId: z.uuid(),
    status: z.enum(ORDER_STATUSES).describe("the order's status"),
    plan: z
      .object({
        planId: z.uuid().nullable(),
        status: z.enum(['RELEASED', 'COMPLETED', 'STOPPED']).describe('what production last reported of its plan'),
        releasedAt: at(),
        releasedBy: z.string().nullable(),
        plannedEnd: at(),
        late: z.boolean().nullable().describe('the plan cannot end before the promised date minus shipping time'),
        completedAt: at(),
        quantityProduced: z.number().int().nonnegative().nullable(),
        stoppedAt: at(),
        stopReason: z.string().nullable(),
      })
      .nullable()
      .describe("production's plan; null until production has reported on it"),
    quality: z
      .object({
        revision: z.number().int().positive(),
        inspectionsPassed: z.number().int().nonnegative(),
        inspectionsFailed: z.number().int().nonnegative(),
        finalInspectionPassed: z.boolean(),
        openNonconformances: z.number().int().nonnegative(),
        changedAt: at(),
      })
      .nullable()
      .describe("quality's latest results (the highest revision received); null until quality has inspected"),
    readyToShip: z.object({ ready: z.boolean(), waitingFor: z.array(z.string()) }),
    readyToShipAt: at().describe('when sales moved the order to READY_TO_SHIP'),
  }),
);
export type OrderExecutionView = ViewOf<typeof OrderExecutionViewDef>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const factsOf = (e: OrderExecution | null) => ({
  planCompleted: e?.completedAt != null,
  planStopped: e?.stoppedAt != null,
  finalInspectionPassed: e?.finalInspectionPassed ?? false,
  openNonconformances: e?.openNonconformances ?? 0,
});

function planStatus(e: OrderExecution): 'RELEASED' | 'COMPLETED' | 'STOPPED' {
  if (e.stoppedAt) return 'STOPPED';
  return e.completedAt ? 'COMPLETED' : 'RELEASED';
}

export function toOrderExecutionView(orderId: string, status: OrderExecutionView['status'], e: OrderExecution | null): OrderExecutionView {
  const hasPlan = e !== null && (e.releasedAt !== null || e.completedAt !== null || e.stoppedAt !== null);
  return {
    orderId,
    status,
    plan: hasPlan
      ? {
          planId: e.planId,
          status: planStatus(e),
          releasedAt: iso(e.releasedAt),
          releasedBy: e.releasedBy,
          plannedEnd: iso(e.plannedEnd),
          late: e.late,
          completedAt: iso(e.completedAt),
          quantityProduced: e.quantityProduced,
          stoppedAt: iso(e.stoppedAt),
          stopReason: e.stopReason,
        }
      : null,
    quality:
      e && e.qualityRevision > 0
        ? {
            revision: e.qualityRevision,
            inspectionsPassed: e.inspectionsPassed,
            inspectionsFailed: e.inspectionsFailed,
            finalInspectionPassed: e.finalInspectionPassed,
            openNonconformances: e.openNonconformances,
            changedAt: iso(e.qualityChangedAt),
          }
        : null,
    readyToShip: readyToShip(factsOf(e)),
    readyToShipAt: iso(e?.readyToShipAt ?? null),
  };
}

export const ORDER_EXECUTION_EXAMPLE: OrderExecutionView = {
  orderId: '3f1c2a9e-7b4d-4e1a-9c3b-2d5e6f7a8b90',
  status: 'IN_EXECUTION',
  plan: {
    planId: '5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e',
    status: 'COMPLETED',
    releasedAt: '2026-12-02T08:00:00.000Z',
    releasedBy: 'production.head',
    plannedEnd: '2027-02-10T17:00:00.000Z',
    late: false,
    completedAt: '2027-02-08T16:30:00.000Z',
    quantityProduced: 100,
    stoppedAt: null,
    stopReason: null,
  },
  quality: { revision: 2, inspectionsPassed: 1, inspectionsFailed: 1, finalInspectionPassed: true, openNonconformances: 1, changedAt: '2027-02-09T10:00:00.000Z' },
  readyToShip: { ready: false, waitingFor: ['1 open nonconformance to be closed'] },
  readyToShipAt: null,
};
