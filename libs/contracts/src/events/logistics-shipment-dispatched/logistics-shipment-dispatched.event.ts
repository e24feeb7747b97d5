import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { ShipmentLineSchema } from '../logistics-shipment-planned/logistics-shipment-planned.event';

export const LogisticsShipmentDispatchedV1 = defineEvent(
  'logistics.shipment.dispatched',
  1,
  z.object({
    orderId: z.uuid(),
    shipmentId: z.uuid(),
    number: z.string(),
    lines: z.array(ShipmentLineSchema).min(1),
    carrier: z.string(),
    trackingNumber: z.string().nullable(),
    dispatchedBy: z.string(),
    dispatchedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'A shipment left the plant (R5.5): the order is SHIPPED.',
    key: 'orderId',
    publishers: ['logistics'],
    consumers: ['sales'],
  },
);
export type LogisticsShipmentDispatched = z.infer<typeof LogisticsShipmentDispatchedV1.payload>;
