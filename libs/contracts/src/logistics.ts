/** A shipment's statuses (API.md "Execution", R5.5). */
export const SHIPMENT_STATUSES = ['PLANNED', 'DISPATCHED', 'DELIVERED', 'CANCELLED'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
