import { z } from 'zod';
import { defineEvent } from '../../event-definition';

export const ShipmentLineSchema = z.object({ lineNo: z.number().int().positive(), quantity: z.number().int().positive() });

export const LogisticsShipmentPlannedV1 = defineEvent(
  'logistics.shipment.planned',
  1,
  z.object({
    orderId: z.uuid(),
    shipmentId: z.uuid(),
    number: z.string(),
    lines: z.array(ShipmentLineSchema).min(1),
    carrier: z.string(),
    plannedDate: z.iso.date(),
    transportMode: z.string(),
    packaging: z.string(),
    plannedBy: z.string(),
    plannedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'Logistics planned a shipment of an order ready to ship (R5.5).',
    key: 'orderId',
    publishers: ['logistics'],
    consumers: ['sales'],
  },
);
export type LogisticsShipmentPlanned = z.infer<typeof LogisticsShipmentPlannedV1.payload>;
