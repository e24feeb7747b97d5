import { fromMinorUnits, toMinorUnits } from '@opm/contracts';

export interface MarginInput {
  /** The order's planned cost (finance's estimate at issue), minor units; null when finance has none. */
  plannedCost: bigint | null;
  quantityBefore: number;
  quantityAfter: number;
  revenueBefore: string;
  revenueAfter: string;
}

export interface MarginDelta {
  feasible: boolean;
  summary: string;
  details: {
    revenueBefore: string;
    revenueAfter: string;
    revenueDelta: string;
    costBefore: string | null;
    costAfter: string | null;
    costDelta: string | null;
    marginBefore: string | null;
    marginAfter: string | null;
    marginDelta: string | null;
  };
}

/**
 * Finance's impact of a change (R8.2): the revenue from the order's lines before and after, the planned cost scaled
 * with the quantity (a unit costs what the plan says it does, half up to the cent), and the margin they leave.
 * A change that leaves a negative margin is not feasible as asked; without a planned cost only the revenue is known.
 */
export function marginDelta(input: MarginInput): MarginDelta {
  const revBefore = toMinorUnits(input.revenueBefore);
  const revAfter = toMinorUnits(input.revenueAfter);
  const base = {
    revenueBefore: fromMinorUnits(revBefore),
    revenueAfter: fromMinorUnits(revAfter),
    revenueDelta: fromMinorUnits(revAfter - revBefore),
  };
  if (input.plannedCost === null || input.quantityBefore <= 0) {
    return {
      feasible: true,
      summary: `revenue ${base.revenueDelta}; no planned cost on record, so no margin`,
      details: { ...base, costBefore: null, costAfter: null, costDelta: null, marginBefore: null, marginAfter: null, marginDelta: null },
    };
  }
  const costBefore = input.plannedCost;
  const q = BigInt(input.quantityBefore);
  const costAfter = (costBefore * BigInt(input.quantityAfter) * 2n + q) / (2n * q);
  const marginBefore = revBefore - costBefore;
  const marginAfter = revAfter - costAfter;
  return {
    feasible: marginAfter >= 0n,
    summary: `cost ${fromMinorUnits(costAfter - costBefore)}, revenue ${base.revenueDelta}: margin ${fromMinorUnits(marginBefore)} -> ${fromMinorUnits(marginAfter)}`,
    details: {
      ...base,
      costBefore: fromMinorUnits(costBefore),
      costAfter: fromMinorUnits(costAfter),
      costDelta: fromMinorUnits(costAfter - costBefore),
      marginBefore: fromMinorUnits(marginBefore),
      marginAfter: fromMinorUnits(marginAfter),
      marginDelta: fromMinorUnits(marginAfter - marginBefore),
    },
  };
}
