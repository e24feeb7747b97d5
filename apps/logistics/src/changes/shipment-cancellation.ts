import type { ShipmentStatus } from '@opm/contracts';

export interface ShipmentNow {
  number: string;
  status: ShipmentStatus;
}

/**
 * Logistics' part of a cancellation (R8.5, R8.6): shipments not yet dispatched are cancelled; one already dispatched
 * or delivered cannot be called back, so logistics cannot comply and says which.
 */
export function shipmentCancellation(shipments: readonly ShipmentNow[]): { cancel: string[]; gone: string[]; outcome: 'DONE' | 'CANNOT_COMPLY'; detail: string } {
  const cancel = shipments.filter((s) => s.status === 'PLANNED').map((s) => s.number);
  const gone = shipments.filter((s) => s.status === 'DISPATCHED' || s.status === 'DELIVERED').map((s) => s.number);
  const cancelled = cancel.length ? `${cancel.join(', ')} cancelled` : 'no open shipment';
  return gone.length
    ? { cancel, gone, outcome: 'CANNOT_COMPLY', detail: `${cancelled}; already dispatched, cannot be called back: ${gone.join(', ')}` }
    : { cancel, gone, outcome: 'DONE', detail: cancelled };
}
