import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { ShipmentLineSchema } from '../logistics-shipment-planned/logistics-shipment-planned.event';

export const LogisticsShipmentDeliveredV1 = defineEvent(
  'logistics.shipment.delivered',
  1,
  z.object({
    orderId: z.uuid(),
    shipmentId: z.uuid(),
    number: z.string(),
    lines: z.array(ShipmentLineSchema).min(1).describe('what this proof of delivery confirms'),
    deliveredTotals: z
      .array(z.object({ lineNo: z.number().int().positive(), quantity: z.number().int().nonnegative() }))
      .describe('every order line\'s quantity delivered so far over all the order\'s shipments, this one included'),
    receivedBy: z.string(),
    receivedAt: z.iso.datetime({ offset: true }),
    note: z.string().nullable(),
    recordedBy: z.string(),
  }),
  {
    description:
      'The customer received a shipment (proof of delivery, R5.5): partial deliveries add up; the order is DELIVERED once ' +
      'every ordered quantity is, and the actual delivery date is kept for R1.4.',
    key: 'orderId',
    publishers: ['logistics'],
    consumers: ['sales'],
  },
);
export type LogisticsShipmentDelivered = z.infer<typeof LogisticsShipmentDeliveredV1.payload>;
