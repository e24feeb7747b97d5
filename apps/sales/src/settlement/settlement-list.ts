import { multiplyMoney, sumMoney, type SettlementLine, type SettlementStatus } from '@opm/contracts';

/** An order line as the settlement list needs it: what was ordered, at which price. */
export interface OrderedLine {
  lineNo: number;
  productCode: string | null;
  productName: string | null;
  specification: string | null;
  quantity: number;
  unitPrice: string;
}

export interface SettlementDraft {
  lines: SettlementLine[];
  /** The sum of the line amounts: what the customer owes for what was delivered. */
  totalAmount: string;
  /** The order's amount (ordered quantities), beside it so a difference is visible (R7.1). */
  orderedAmount: string;
  /** Whether any line's delivered quantity differs from the ordered one. */
  differsFromOrder: boolean;
}

/**
 * The settlement list (R7.1-7.2): every order line with the quantity the proofs of delivery confirmed (not the ordered
 * one) at the order's unit price, the amount exactly (N3), and the total. A line nothing was delivered of stays on the
 * list with amount 0.00, so the difference from the order shows. `catalogNames` names catalog lines that carry only a code.
 */
export function buildSettlementList(ordered: OrderedLine[], delivered: { lineNo: number; quantity: number }[], catalogNames: ReadonlyMap<string, string> = new Map()): SettlementDraft {
  const deliveredOf = (lineNo: number) => delivered.find((d) => d.lineNo === lineNo)?.quantity ?? 0;
  const lines = [...ordered]
    .sort((a, b) => a.lineNo - b.lineNo)
    .map((l) => {
      const quantityDelivered = deliveredOf(l.lineNo);
      return {
        lineNo: l.lineNo,
        productName: l.productName ?? (l.productCode ? [l.productCode, catalogNames.get(l.productCode)].filter(Boolean).join(' ') : null),
        specification: l.specification,
        quantityOrdered: l.quantity,
        quantityDelivered,
        unitPrice: l.unitPrice,
        amount: multiplyMoney(l.unitPrice, quantityDelivered),
      };
    });
  return {
    lines,
    totalAmount: sumMoney(lines.map((l) => l.amount)),
    orderedAmount: sumMoney(ordered.map((l) => multiplyMoney(l.unitPrice, l.quantity))),
    differsFromOrder: lines.some((l) => l.quantityDelivered !== l.quantityOrdered),
  };
}

export type SettlementAction = 'draft' | 'submit' | 'approve' | 'reject';

/** Which status allows which action on a settlement list: a draft may be redrawn or submitted, a submission reviewed once. */
const ALLOWED: Record<SettlementStatus, SettlementAction[]> = {
  DRAFT: ['draft', 'submit'],
  SUBMITTED: ['approve', 'reject'],
  APPROVED: [],
};

export const settlementAllows = (status: SettlementStatus, action: SettlementAction): boolean => ALLOWED[status].includes(action);
