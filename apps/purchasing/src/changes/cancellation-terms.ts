import { fromMinorUnits, materialAmount, toMinorUnits, type ContractStatus } from '@opm/contracts';
import { feeOn } from './material-change';

export interface ContractToCancel {
  number: string;
  status: ContractStatus;
  totalAmount: string;
  restockingFeePercent: string | null;
  lines: readonly { materialCode: string; unitPrice: string }[];
  /** What quality accepted into stock under it, per material (decimal strings). */
  received: readonly { materialCode: string; quantity: string }[];
}

/** CANCEL: nothing delivered, the contract is cancelled; RETURN: delivered goods go back; KEEP: delivered goods stay in stock. */
export type ContractAction = 'CANCEL' | 'RETURN' | 'KEEP' | 'NONE';

export interface ContractCancellation {
  contract: string;
  action: ContractAction;
  /** Minor units: the restocking fee the contract's terms charge, and the value of goods kept (bought, no longer needed). */
  fee: bigint;
  committed: bigint;
  /** What the contract says, for the record on it. */
  terms: string;
}

/**
 * Purchasing's part of a cancellation (R8.4, R8.5), by each contract's terms: a draft is cancelled free; a signed one
 * with nothing delivered is cancelled for its restocking fee on the whole amount (free when its terms have none);
 * delivered goods go back for the fee on what was delivered plus the fee on the rest, when the terms allow a return
 * (a fee is set), and are otherwise kept in stock at what they cost, the rest cancelled free. Closed and cancelled
 * contracts are left alone.
 */
export function cancellationTerms(contracts: readonly ContractToCancel[]): ContractCancellation[] {
  return contracts.map((c): ContractCancellation => {
    const total = toMinorUnits(c.totalAmount);
    const pct = c.restockingFeePercent;
    if (c.status === 'CLOSED' || c.status === 'CANCELLED') return { contract: c.number, action: 'NONE', fee: 0n, committed: 0n, terms: `already ${c.status}` };
    if (c.status === 'DRAFT') return { contract: c.number, action: 'CANCEL', fee: 0n, committed: 0n, terms: 'not signed: cancelled free' };
    const delivered = c.received.reduce((sum, r) => {
      const price = c.lines.find((l) => l.materialCode === r.materialCode)?.unitPrice ?? '0.00';
      return sum + toMinorUnits(materialAmount(r.quantity, price));
    }, 0n);
    const rest = total > delivered ? total - delivered : 0n;
    if (delivered === 0n) {
      return { contract: c.number, action: 'CANCEL', fee: feeOn(total, pct), committed: 0n, terms: pct ? `signed: cancelled for the ${pct} % restocking fee` : 'signed, no restocking fee in its terms: cancelled free' };
    }
    if (pct) {
      return { contract: c.number, action: 'RETURN', fee: feeOn(delivered, pct) + feeOn(rest, pct), committed: 0n, terms: `delivered goods returned, the rest cancelled, for the ${pct} % restocking fee` };
    }
    return { contract: c.number, action: 'KEEP', fee: 0n, committed: delivered, terms: `no return in its terms: delivered goods (${fromMinorUnits(delivered)}) kept in stock, the rest cancelled free` };
  });
}

export function cancellationTotals(items: readonly ContractCancellation[]): { fees: bigint; committed: bigint } {
  return { fees: items.reduce((s, i) => s + i.fee, 0n), committed: items.reduce((s, i) => s + i.committed, 0n) };
}
