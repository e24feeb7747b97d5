import type { ReportEntry } from './weekly-report';

export interface OrderedLine {
  lineNo: number;
  quantity: number;
}

export interface Delivery {
  lines: { lineNo: number; ordered: number; delivered: number }[];
  quantityComplete: boolean;
  /** When the delivery that completed every line was received; null until then. */
  completedAt: string | null;
}

/**
 * What logistics delivered of an order, from its SHIPMENT_DELIVERED entries in ledger order: each carries every
 * line's total delivered so far, so the latest is the order's; the order is complete at the first delivery after
 * which every line has its ordered quantity.
 */
export function deliveryOf(ordered: OrderedLine[], entries: ReportEntry[]): Delivery {
  const delivered = new Map<number, number>();
  let completedAt: string | null = null;
  const complete = () => ordered.length > 0 && ordered.every((l) => (delivered.get(l.lineNo) ?? 0) >= l.quantity);
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (e.kind !== 'SHIPMENT_DELIVERED') continue;
    for (const t of (e.data.deliveredTotals ?? []) as OrderedLine[]) delivered.set(t.lineNo, Math.max(delivered.get(t.lineNo) ?? 0, t.quantity));
    if (!completedAt && complete()) completedAt = e.at;
  }
  const lines = [...ordered].sort((a, b) => a.lineNo - b.lineNo).map((l) => ({ lineNo: l.lineNo, ordered: l.quantity, delivered: delivered.get(l.lineNo) ?? 0 }));
  return { lines, quantityComplete: complete(), completedAt };
}

export interface OrderPerformance {
  promisedDate: string | null;
  actualDeliveryDate: string | null;
  onTime: boolean | null;
  daysLate: number | null;
  lines: { lineNo: number; ordered: number; delivered: number }[];
  quantityComplete: boolean;
  inspections: { passed: number; failed: number };
  nonconformances: { opened: number; open: number };
  rightQuality: boolean | null;
}

const DAY_MS = 86_400_000;

/**
 * On time, right quantity, right quality for one order (R1.4), from the order (promised date, ordered lines) and its
 * ledger: the actual delivery date is the day (UTC) the last ordered quantity was received; late by whole days after
 * the promised date. Right quality: delivered with no nonconformance left open and a final inspection passed. Before
 * the order is delivered in full, the date, on-time, days-late and right-quality fields are null.
 */
export function orderPerformance(order: { deliveryDate: string | null; lines: OrderedLine[] }, entries: ReportEntry[]): OrderPerformance {
  const delivery = deliveryOf(order.lines, entries);
  const actual = delivery.completedAt?.slice(0, 10) ?? null;
  const daysLate = actual && order.deliveryDate ? Math.max(0, Math.round((Date.parse(actual) - Date.parse(order.deliveryDate)) / DAY_MS)) : null;
  const inspections = entries.filter((e) => e.kind === 'INSPECTION_RECORDED');
  const raised = new Set(entries.filter((e) => e.kind === 'NONCONFORMANCE_RAISED').map((e) => e.refId));
  const closed = new Set(entries.filter((e) => e.kind === 'NONCONFORMANCE_CLOSED').map((e) => e.refId));
  const open = [...raised].filter((id) => !closed.has(id)).length;
  const finalPassed = inspections.some((e) => e.data.stage === 'FINAL' && e.data.result === 'PASS');
  return {
    promisedDate: order.deliveryDate,
    actualDeliveryDate: actual,
    onTime: daysLate === null ? null : daysLate === 0,
    daysLate,
    lines: delivery.lines,
    quantityComplete: delivery.quantityComplete,
    inspections: { passed: inspections.filter((e) => e.data.result === 'PASS').length, failed: inspections.filter((e) => e.data.result === 'FAIL').length },
    nonconformances: { opened: raised.size, open },
    rightQuality: actual ? open === 0 && finalPassed : null,
  };
}
