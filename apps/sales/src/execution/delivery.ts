/** A line and a quantity: of the order, or what logistics has shipped or delivered of it. */
export interface LineQuantity {
  lineNo: number;
  quantity: number;
}

export interface LineDelivery {
  lineNo: number;
  ordered: number;
  shipped: number;
  delivered: number;
  outstanding: number;
}

/**
 * What logistics reports, kept per order line: the highest total seen for each line (totals only grow, so a report
 * overtaken by a later one on redelivery or replay never lowers them).
 */
export function mergeTotals(kept: LineQuantity[], reported: LineQuantity[]): LineQuantity[] {
  const merged = new Map(kept.map((l) => [l.lineNo, l.quantity]));
  for (const r of reported) merged.set(r.lineNo, Math.max(merged.get(r.lineNo) ?? 0, r.quantity));
  return [...merged.entries()].sort(([a], [b]) => a - b).map(([lineNo, quantity]) => ({ lineNo, quantity }));
}

/** Adds a shipment's lines to what has been shipped so far (each dispatch is applied once: the inbox). */
export function addShipped(kept: LineQuantity[], shipment: LineQuantity[]): LineQuantity[] {
  const sum = new Map(kept.map((l) => [l.lineNo, l.quantity]));
  for (const l of shipment) sum.set(l.lineNo, (sum.get(l.lineNo) ?? 0) + l.quantity);
  return [...sum.entries()].sort(([a], [b]) => a - b).map(([lineNo, quantity]) => ({ lineNo, quantity }));
}

/**
 * The order's delivery (R5.5, R1.4 right quantity): per ordered line what was shipped and delivered and what is
 * outstanding; the order is fully delivered once every ordered line's quantity is (an order without lines never is).
 */
export function deliveryProgress(ordered: LineQuantity[], shipped: LineQuantity[], delivered: LineQuantity[]): { fullyDelivered: boolean; lines: LineDelivery[] } {
  const of = (list: LineQuantity[], lineNo: number) => list.find((l) => l.lineNo === lineNo)?.quantity ?? 0;
  const lines = ordered.map((o) => {
    const d = of(delivered, o.lineNo);
    return { lineNo: o.lineNo, ordered: o.quantity, shipped: of(shipped, o.lineNo), delivered: d, outstanding: Math.max(0, o.quantity - d) };
  });
  return { fullyDelivered: lines.length > 0 && lines.every((l) => l.delivered >= l.ordered), lines };
}

/**
 * On time (R1.4): the actual delivery date (the last proof of delivery's date, UTC) not after the promised one; null
 * while not delivered or when no date was promised.
 */
export function deliveredOnTime(promisedDate: string | null, actual: Date | null): boolean | null {
  if (!promisedDate || !actual) return null;
  return actual.toISOString().slice(0, 10) <= promisedDate;
}
