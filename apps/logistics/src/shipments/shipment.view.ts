import { z } from 'zod';
import { SHIPMENT_STATUSES, ShipmentLineSchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import type { Shipment } from './shipment.entity';
import type { LineShipping } from './shipment-rules';

export const ShipmentView = apiView(
  'Shipment',
  z.object({
    id: z.uuid(),
    number: z.string().describe('SH-yyyy-nnnnnn'),
    orderId: z.uuid(),
    status: z.enum(SHIPMENT_STATUSES),
    lines: z.array(ShipmentLineSchema).describe('the order lines and quantities this shipment carries'),
    carrier: z.string(),
    plannedDate: z.iso.date(),
    transportMode: z.string().describe("defaulted from the order's special requirements (R2.3) unless given"),
    packaging: z.string().describe("defaulted from the order's special requirements (R2.3) unless given"),
    plannedBy: z.string(),
    plannedAt: z.iso.datetime({ offset: true }),
    dispatch: z
      .object({ trackingNumber: z.string().nullable(), dispatchedBy: z.string(), dispatchedAt: z.iso.datetime({ offset: true }) })
      .nullable()
      .describe('null until the shipment leaves the plant'),
    proofOfDelivery: z
      .object({
        receivedBy: z.string(),
        receivedAt: z.iso.datetime({ offset: true }),
        lines: z.array(ShipmentLineSchema).describe('the quantities the customer confirmed'),
        note: z.string().nullable(),
        recordedBy: z.string(),
        recordedAt: z.iso.datetime({ offset: true }),
      })
      .nullable()
      .describe('null until delivered (R5.5)'),
    version: z.number().int().positive().describe('for If-Match'),
  }),
);
export type ShipmentView = ViewOf<typeof ShipmentView>;

export const toShipmentView = (s: Shipment): ShipmentView => ({
  id: s.id,
  number: s.number,
  orderId: s.orderId,
  status: s.status,
  lines: s.lines,
  carrier: s.carrier,
  plannedDate: s.plannedDate,
  transportMode: s.transportMode,
  packaging: s.packaging,
  plannedBy: s.plannedBy,
  plannedAt: s.plannedAt.toISOString(),
  dispatch: s.dispatchedAt && s.dispatchedBy ? { trackingNumber: s.trackingNumber, dispatchedBy: s.dispatchedBy, dispatchedAt: s.dispatchedAt.toISOString() } : null,
  proofOfDelivery:
    s.receivedAt && s.receivedBy && s.deliveredLines && s.deliveryRecordedAt
      ? {
          receivedBy: s.receivedBy,
          receivedAt: s.receivedAt.toISOString(),
          lines: s.deliveredLines,
          note: s.deliveryNote,
          recordedBy: s.deliveryRecordedBy ?? '',
          recordedAt: s.deliveryRecordedAt.toISOString(),
        }
      : null,
  version: s.version,
});

export const SHIPMENT_EXAMPLE: ShipmentView = {
  id: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
  number: 'SH-2026-000012',
  orderId: '3f1c2a9e-7b4d-4e1a-9c3b-2d5e6f7a8b90',
  status: 'PLANNED',
  lines: [{ lineNo: 1, quantity: 60 }],
  carrier: 'COSCO Shipping',
  plannedDate: '2027-02-15',
  transportMode: 'sea freight',
  packaging: 'export crate',
  plannedBy: 'logistics.staff',
  plannedAt: '2027-02-10T09:00:00.000Z',
  dispatch: null,
  proofOfDelivery: null,
  version: 1,
};

/** One order line as logistics follows it (R5.5). */
export const LineShippingSchema = z.object({
  lineNo: z.number().int().positive(),
  ordered: z.number().int().positive(),
  planned: z.number().int().nonnegative(),
  dispatched: z.number().int().nonnegative(),
  delivered: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative().describe('ordered minus what non-cancelled shipments hold'),
});

/** Logistics' records in its part of `GET /orders/{id}`: the order's shipments and its lines' quantities (R5.5). */
export const LogisticsShippingView = apiView(
  'LogisticsShipping',
  z.object({
    shipments: z.array(ShipmentView.schema),
    lines: z.array(LineShippingSchema),
  }),
);
export type LogisticsShippingView = ViewOf<typeof LogisticsShippingView>;
export type LineShippingView = LineShipping;
