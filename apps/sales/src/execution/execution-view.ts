import { z } from 'zod';
import { ORDER_STATUSES } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import type { Order } from '../lifecycle/order.entity';
import { deliveredOnTime, deliveryProgress } from './delivery';
import type { OrderExecution } from './order-execution.entity';
import { readyToShip } from './ready-to-ship';

const at = () => z.iso.datetime({ offset: true }).nullable();

/** An order's execution as sales follows it (R5.1, R5.3, R5.5, R1.4): what production, quality and logistics have told it, and what is still missing. */
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
    shipping: z
      .object({
        lines: z
          .array(
            z.object({
              lineNo: z.number().int().positive(),
              ordered: z.number().int().positive(),
              shipped: z.number().int().nonnegative().describe('on dispatched shipments'),
              delivered: z.number().int().nonnegative().describe('confirmed by proofs of delivery'),
              outstanding: z.number().int().nonnegative().describe('ordered minus delivered'),
            }),
          )
          .describe('per order line, from logistics (R5.5, R1.4 right quantity)'),
        shipmentsDispatched: z.number().int().nonnegative(),
        shipmentsDelivered: z.number().int().nonnegative(),
        firstDispatchedAt: at(),
        shippedAt: at().describe('when sales moved the order to SHIPPED'),
        lastReceivedAt: at().describe("the latest proof of delivery's receivedAt"),
        deliveredAt: at().describe('when sales moved the order to DELIVERED'),
        promisedDeliveryDate: z.iso.date().nullable().describe('the delivery date promised on the order (R1.4)'),
        actualDeliveryDate: z.iso.date().nullable().describe('the date (UTC) of the last proof of delivery once every ordered quantity was delivered (R1.4)'),
        actualDeliveryAt: at(),
        onTime: z.boolean().nullable().describe('actual not after promised; null until delivered or without a promised date (R1.4)'),
      })
      .describe("the order's shipping and delivery as logistics reports it (R5.5, R1.4)"),
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

export function toOrderExecutionView(order: Order, e: OrderExecution | null): OrderExecutionView {
  const orderId = order.id;
  const progress = deliveryProgress(order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })), e?.shippedLines ?? [], e?.deliveredLines ?? []);
  const actual = e?.actualDeliveryAt ?? null;
  const hasPlan = e !== null && (e.releasedAt !== null || e.completedAt !== null || e.stoppedAt !== null);
  return {
    orderId,
    status: order.status,
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
    shipping: {
      lines: progress.lines,
      shipmentsDispatched: e?.shipmentsDispatched ?? 0,
      shipmentsDelivered: e?.shipmentsDelivered ?? 0,
      firstDispatchedAt: iso(e?.firstDispatchedAt ?? null),
      shippedAt: iso(e?.shippedAt ?? null),
      lastReceivedAt: iso(e?.lastReceivedAt ?? null),
      deliveredAt: iso(e?.deliveredAt ?? null),
      promisedDeliveryDate: order.deliveryDate,
      actualDeliveryDate: actual ? actual.toISOString().slice(0, 10) : null,
      actualDeliveryAt: iso(actual),
      onTime: deliveredOnTime(order.deliveryDate, actual),
    },
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
  shipping: {
    lines: [{ lineNo: 1, ordered: 100, shipped: 0, delivered: 0, outstanding: 100 }],
    shipmentsDispatched: 0,
    shipmentsDelivered: 0,
    firstDispatchedAt: null,
    shippedAt: null,
    lastReceivedAt: null,
    deliveredAt: null,
    promisedDeliveryDate: '2027-03-01',
    actualDeliveryDate: null,
    actualDeliveryAt: null,
    onTime: null,
  },
};
