import { addDays, type ContractStatus, fromMilliUnits, type ReceiptStatus, toMilliUnits } from '@opm/contracts';

export type ContractAction = 'sign' | 'delay' | 'receive';

/** Which statuses allow which action; a refusal is a 409 with the current status. */
const ALLOWED: Record<ContractAction, readonly ContractStatus[]> = {
  sign: ['DRAFT'],
  // A delay is news from the supplier about goods still to come.
  delay: ['DRAFT', 'SIGNED', 'PARTIALLY_RECEIVED'],
  // Goods come in only against a signed contract with something still open.
  receive: ['SIGNED', 'PARTIALLY_RECEIVED'],
};

export function contractActionRefusal(status: ContractStatus, action: ContractAction): string | null {
  return ALLOWED[action].includes(status) ? null : `a ${status} contract cannot ${action === 'receive' ? 'receive goods' : action === 'delay' ? 'be delayed' : 'be signed'}`;
}

/** The statuses in which a contract still expects goods: overdue when past its delivery date. */
export const AWAITING_DELIVERY: readonly ContractStatus[] = ['SIGNED', 'PARTIALLY_RECEIVED'];

/** A contract is past its delivery date once that day is over (UTC): its due time for the overdue scan. */
export function contractDueAt(deliveryDate: string): Date {
  return new Date(`${addDays(deliveryDate, 1)}T00:00:00.000Z`);
}

interface QuantityLine {
  materialCode: string;
  quantity: string;
}
interface ReceiptForRules {
  status: ReceiptStatus;
  lines: readonly QuantityLine[];
}

/** Per material of the contract, in thousandths of the unit. */
export interface QuantityPosition {
  materialCode: string;
  ordered: bigint;
  accepted: bigint;
  awaiting: bigint;
  rejected: bigint;
  /** ordered - accepted - awaiting: what may still be received (rejected goods are open again). */
  open: bigint;
}

export function quantityPositions(lines: readonly QuantityLine[], receipts: readonly ReceiptForRules[]): Map<string, QuantityPosition> {
  const positions = new Map<string, QuantityPosition>();
  for (const l of lines) {
    const p = positions.get(l.materialCode) ?? { materialCode: l.materialCode, ordered: 0n, accepted: 0n, awaiting: 0n, rejected: 0n, open: 0n };
    p.ordered += toMilliUnits(l.quantity);
    positions.set(l.materialCode, p);
  }
  for (const r of receipts) {
    for (const l of r.lines) {
      const p = positions.get(l.materialCode);
      if (!p) continue;
      const q = toMilliUnits(l.quantity);
      if (r.status === 'ACCEPTED') p.accepted += q;
      else if (r.status === 'AWAITING_INSPECTION') p.awaiting += q;
      else p.rejected += q;
    }
  }
  for (const p of positions.values()) {
    const open = p.ordered - p.accepted - p.awaiting;
    p.open = open > 0n ? open : 0n;
  }
  return positions;
}

export interface FieldRefusal {
  field: string;
  message: string;
}

/**
 * A receipt may bring only the contract's materials and at most their open quantity (ordered minus accepted minus
 * awaiting inspection; several lines of one material add up): anything else is refused (422), naming the line.
 */
export function receiptRefusals(lines: readonly QuantityLine[], receipts: readonly ReceiptForRules[], incoming: readonly QuantityLine[]): FieldRefusal[] {
  const positions = quantityPositions(lines, receipts);
  const taken = new Map<string, bigint>();
  const refusals: FieldRefusal[] = [];
  incoming.forEach((line, i) => {
    const p = positions.get(line.materialCode);
    if (!p) {
      refusals.push({ field: `lines.${i}.materialCode`, message: `${line.materialCode} is not on the contract` });
      return;
    }
    const total = (taken.get(line.materialCode) ?? 0n) + toMilliUnits(line.quantity);
    taken.set(line.materialCode, total);
    if (total > p.open) {
      refusals.push({
        field: `lines.${i}.quantity`,
        message: `${fromMilliUnits(total)} of ${line.materialCode} is more than the ${fromMilliUnits(p.open)} still open (ordered ${fromMilliUnits(p.ordered)}, accepted ${fromMilliUnits(p.accepted)}, awaiting inspection ${fromMilliUnits(p.awaiting)})`,
      });
    }
  });
  return refusals;
}

/** After an inspection: RECEIVED once every ordered quantity is accepted, PARTIALLY_RECEIVED once some is, else SIGNED. */
export function statusAfterReceipts(lines: readonly QuantityLine[], receipts: readonly ReceiptForRules[]): ContractStatus {
  const positions = [...quantityPositions(lines, receipts).values()];
  if (positions.every((p) => p.accepted >= p.ordered)) return 'RECEIVED';
  if (positions.some((p) => p.accepted > 0n)) return 'PARTIALLY_RECEIVED';
  return 'SIGNED';
}
