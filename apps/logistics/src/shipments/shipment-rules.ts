import type { OrderStatus, ShipmentStatus, SpecialRequirements } from '@opm/contracts';

/** A line and a quantity of a shipment, of its proof of delivery, or of an order. */
export interface LineQuantity {
  lineNo: number;
  quantity: number;
}

/** What the rules need of a shipment already recorded for the order. */
export interface ShipmentQuantities {
  status: ShipmentStatus;
  lines: LineQuantity[];
  /** The quantities its proof of delivery confirmed; null until delivered. */
  deliveredLines: LineQuantity[] | null;
}

/** One order line as logistics follows it: ordered, on shipments by status, and what remains to be shipped. */
export interface LineShipping {
  lineNo: number;
  ordered: number;
  planned: number;
  dispatched: number;
  delivered: number;
  remaining: number;
}

/** A refusal of a field, named as the request spells it (`lines[1].quantity`). */
export interface FieldRefusal {
  field: string;
  message: string;
}

/** Logistics ships an order once sales has it READY_TO_SHIP, and goes on shipping the rest while it is SHIPPED (R5.5). */
export const SHIPPABLE_ORDER_STATUSES: readonly OrderStatus[] = ['READY_TO_SHIP', 'SHIPPED'];
export const canShipOrder = (status: OrderStatus | null): boolean => status !== null && SHIPPABLE_ORDER_STATUSES.includes(status);

/** What may happen to a shipment in each status: PLANNED -> DISPATCHED -> DELIVERED; a plan is changed only before it leaves. */
const SHIPMENT_ACTIONS: Record<ShipmentStatus, readonly ShipmentAction[]> = {
  PLANNED: ['change', 'dispatch'],
  DISPATCHED: ['deliver'],
  DELIVERED: [],
  CANCELLED: [],
};
export type ShipmentAction = 'change' | 'dispatch' | 'deliver';
export const shipmentAllows = (status: ShipmentStatus, action: ShipmentAction): boolean => SHIPMENT_ACTIONS[status].includes(action);

/**
 * Transport mode and packaging of a new shipment (R5.5 from R2.3): what the request gives, else what the order's
 * special requirements ask for; null when neither names one (the caller refuses it, naming the field).
 */
export function shipmentDefaults(
  special: Pick<SpecialRequirements, 'transportMode' | 'packaging'> | null,
  given: { transportMode?: string | null; packaging?: string | null },
): { transportMode: string | null; packaging: string | null; fromSpecialRequirements: { transportMode: boolean; packaging: boolean } } {
  const pick = (value: string | null | undefined, fallback: string | null | undefined) => {
    if (value != null && value.trim() !== '') return { value, defaulted: false };
    if (fallback != null && fallback.trim() !== '') return { value: fallback, defaulted: true };
    return { value: null, defaulted: false };
  };
  const mode = pick(given.transportMode, special?.transportMode);
  const packaging = pick(given.packaging, special?.packaging);
  return {
    transportMode: mode.value,
    packaging: packaging.value,
    fromSpecialRequirements: { transportMode: mode.defaulted, packaging: packaging.defaulted },
  };
}

const sumBy = (lines: LineQuantity[] | null, lineNo: number) => (lines ?? []).filter((l) => l.lineNo === lineNo).reduce((s, l) => s + l.quantity, 0);

/**
 * Every order line's quantities over the order's shipments (R5.5): what is planned, dispatched and delivered, and
 * what remains to ship = ordered minus what non-cancelled shipments hold. A delivered shipment holds what its proof
 * of delivery confirmed (a shortfall may be shipped again); a planned or dispatched one holds its lines.
 */
export function lineShipping(orderLines: LineQuantity[], shipments: ShipmentQuantities[]): LineShipping[] {
  return orderLines.map(({ lineNo, quantity: ordered }) => {
    let planned = 0;
    let dispatched = 0;
    let delivered = 0;
    for (const s of shipments) {
      if (s.status === 'PLANNED') planned += sumBy(s.lines, lineNo);
      else if (s.status === 'DISPATCHED') dispatched += sumBy(s.lines, lineNo);
      else if (s.status === 'DELIVERED') delivered += sumBy(s.deliveredLines, lineNo);
    }
    return { lineNo, ordered, planned, dispatched, delivered, remaining: Math.max(0, ordered - planned - dispatched - delivered) };
  });
}

/**
 * The lines asked for a new shipment, against what remains (R5.5). `unknown` are lines the order does not have or
 * that are repeated (400/422 naming the field, decided by the caller: it is 422 here, since only the order knows its
 * lines); `excess` are quantities above what remains to ship (422).
 */
export function checkShipmentLines(orderLines: LineQuantity[], shipments: ShipmentQuantities[], requested: LineQuantity[]): { unknown: FieldRefusal[]; excess: FieldRefusal[] } {
  const shipping = new Map(lineShipping(orderLines, shipments).map((l) => [l.lineNo, l]));
  const seen = new Set<number>();
  const unknown: FieldRefusal[] = [];
  const excess: FieldRefusal[] = [];
  requested.forEach((r, i) => {
    const line = shipping.get(r.lineNo);
    if (!line) unknown.push({ field: `lines[${i}].lineNo`, message: `the order has no line ${r.lineNo}` });
    else if (seen.has(r.lineNo)) unknown.push({ field: `lines[${i}].lineNo`, message: `line ${r.lineNo} is given twice` });
    else if (r.quantity > line.remaining) {
      excess.push({ field: `lines[${i}].quantity`, message: `${r.quantity} is above what remains to ship of line ${r.lineNo} (${line.remaining} of ${line.ordered})` });
    }
    seen.add(r.lineNo);
  });
  return { unknown, excess };
}

/**
 * A proof of delivery's lines (R5.5): by default the shipment's lines; given ones must be lines of the shipment, once
 * each, and cannot exceed what it carried.
 */
export function deliveryLines(shipmentLines: LineQuantity[], given: LineQuantity[] | undefined): { lines: LineQuantity[]; refused: FieldRefusal[] } {
  if (!given) return { lines: shipmentLines.map((l) => ({ ...l })), refused: [] };
  const carried = new Map(shipmentLines.map((l) => [l.lineNo, l.quantity]));
  const seen = new Set<number>();
  const refused: FieldRefusal[] = [];
  given.forEach((g, i) => {
    const quantity = carried.get(g.lineNo);
    if (quantity === undefined) refused.push({ field: `lines[${i}].lineNo`, message: `the shipment carries no line ${g.lineNo}` });
    else if (seen.has(g.lineNo)) refused.push({ field: `lines[${i}].lineNo`, message: `line ${g.lineNo} is given twice` });
    else if (g.quantity > quantity) refused.push({ field: `lines[${i}].quantity`, message: `${g.quantity} is more than the shipment carried of line ${g.lineNo} (${quantity})` });
    seen.add(g.lineNo);
  });
  return { lines: given.map((l) => ({ ...l })), refused };
}

/** Every order line's quantity delivered so far over all the order's delivered shipments (the event's deliveredTotals). */
export function deliveredTotals(orderLines: LineQuantity[], shipments: ShipmentQuantities[]): LineQuantity[] {
  return lineShipping(orderLines, shipments).map((l) => ({ lineNo: l.lineNo, quantity: l.delivered }));
}
