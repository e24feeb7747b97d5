import { fromMilliUnits, fromMinorUnits, materialAmount, toMilliUnits, toMinorUnits } from '@opm/contracts';
import type { ContractStatus } from '@opm/contracts';
import type { ComputedRequirement } from '../requirements/requirements-rules';

/** What a contract commits of a material (R5.2): the terms a change or cancellation is carried out under. */
export interface CommittedContract {
  number: string;
  status: ContractStatus;
  restockingFeePercent: string | null;
  lines: readonly { materialCode: string; quantity: string; unitPrice: string }[];
}

/** Per material, what a change means for purchasing (R8.2, R8.3); quantities in thousandths of the stock unit. */
export interface MaterialAdjustment {
  materialCode: string;
  unit: string;
  requiredBefore: bigint;
  requiredAfter: bigint;
  /** More needed: taken from free stock first, then bought at the standard cost. */
  fromStock: bigint;
  toBuy: bigint;
  buyCost: bigint;
  /** Less needed: the order's stock reservation given back first, then what is not yet contracted dropped, then contracts cut. */
  releaseStock: bigint;
  dropUncontracted: bigint;
  cancelFromContracts: { contract: string; quantity: bigint; fee: bigint }[];
  currency: string | null;
}

export interface MaterialChangeImpact {
  adjustments: MaterialAdjustment[];
  /** Minor units, the order's materials currency: what buying the difference costs, what cutting contracts costs. */
  buyCost: bigint;
  cancellationFees: bigint;
  currency: string | null;
}

/** Contract lines still open for changes: a draft is cut free, a signed one under its restocking fee. */
const CUTTABLE: ReadonlySet<ContractStatus> = new Set(['DRAFT', 'SIGNED']);

/** A fee of `percent` on an amount, half up to the cent (minor units). */
export function feeOn(amount: bigint, percent: string | null): bigint {
  if (!percent) return 0n;
  const hundredths = toMinorUnits(percent); // 15.5 % -> 1550
  return (amount * hundredths + 5000n) / 10000n;
}

const milliText = (q: bigint): string => fromMilliUnits(q);

/**
 * The material side of a change (R8.2): per material the requirement before (as stored) and after (the proposed order
 * computed by `computeRequirements` against the same free stock). More needed is reserved from free stock, the rest
 * bought at the lowest active offer; less needed first gives back the order's stock reservation, then no longer buys
 * what is not under contract, and only then cuts contracted quantity: a draft contract free, a signed one for its
 * restocking fee on the cut amount (none when it has no fee in its terms).
 */
export function materialChangeImpact(before: readonly ComputedRequirement[], after: readonly ComputedRequirement[], contracts: readonly CommittedContract[]): MaterialChangeImpact {
  const codes = [...new Set([...before, ...after].map((r) => r.materialCode))].sort();
  const adjustments: MaterialAdjustment[] = [];
  for (const code of codes) {
    const b = before.find((r) => r.materialCode === code);
    const a = after.find((r) => r.materialCode === code);
    const requiredBefore = b?.required ?? 0n;
    const requiredAfter = a?.required ?? 0n;
    if (requiredBefore === requiredAfter) continue;
    const unit = a?.unit ?? b?.unit ?? 'unknown';
    const unitCost = a?.standardUnitCost ?? b?.standardUnitCost ?? null;
    const adj: MaterialAdjustment = {
      materialCode: code,
      unit,
      requiredBefore,
      requiredAfter,
      fromStock: 0n,
      toBuy: 0n,
      buyCost: 0n,
      releaseStock: 0n,
      dropUncontracted: 0n,
      cancelFromContracts: [],
      currency: a?.currency ?? b?.currency ?? null,
    };
    if (requiredAfter > requiredBefore) {
      const more = requiredAfter - requiredBefore;
      const extraStock = (a?.reserved ?? 0n) - (b?.reserved ?? 0n);
      adj.fromStock = extraStock > 0n ? (extraStock < more ? extraStock : more) : 0n;
      adj.toBuy = more - adj.fromStock;
      adj.buyCost = unitCost ? toMinorUnits(materialAmount(milliText(adj.toBuy), unitCost)) : 0n;
    } else {
      let less = requiredBefore - requiredAfter;
      const reserved = b?.reserved ?? 0n;
      adj.releaseStock = reserved < less ? reserved : less;
      less -= adj.releaseStock;
      const open = contracts.filter((c) => CUTTABLE.has(c.status));
      const contracted = open.reduce((s, c) => s + c.lines.filter((l) => l.materialCode === code).reduce((x, l) => x + toMilli(l.quantity), 0n), 0n);
      const stillToBuy = (b?.toPurchase ?? 0n) - contracted;
      adj.dropUncontracted = stillToBuy > 0n ? (stillToBuy < less ? stillToBuy : less) : 0n;
      less -= adj.dropUncontracted;
      // Drafts first (free), then signed contracts, each by number.
      for (const c of [...open].sort((x, y) => (x.status === y.status ? x.number.localeCompare(y.number) : x.status === 'DRAFT' ? -1 : 1))) {
        for (const line of c.lines.filter((l) => l.materialCode === code)) {
          if (less <= 0n) break;
          const q = toMilli(line.quantity);
          const cut = q < less ? q : less;
          less -= cut;
          const amount = toMinorUnits(materialAmount(milliText(cut), line.unitPrice));
          adj.cancelFromContracts.push({ contract: c.number, quantity: cut, fee: c.status === 'SIGNED' ? feeOn(amount, c.restockingFeePercent) : 0n });
        }
      }
    }
    adjustments.push(adj);
  }
  const currency = adjustments.find((a) => a.currency)?.currency ?? null;
  return {
    adjustments,
    buyCost: adjustments.reduce((s, a) => s + a.buyCost, 0n),
    cancellationFees: adjustments.reduce((s, a) => s + a.cancelFromContracts.reduce((x, c) => x + c.fee, 0n), 0n),
    currency,
  };
}

/** A numeric(18,3) as stored ("80.000") or a decimal string -> thousandths. */
const toMilli = (quantity: string): bigint => toMilliUnits(quantity);

/** The impact as the event and the records carry it: decimal strings. */
export function adjustmentFigures(impact: MaterialChangeImpact): Record<string, unknown> {
  return {
    currency: impact.currency,
    buyCost: fromMinorUnits(impact.buyCost),
    cancellationFees: fromMinorUnits(impact.cancellationFees),
    materials: impact.adjustments.map((a) => ({
      materialCode: a.materialCode,
      unit: a.unit,
      requiredBefore: milliText(a.requiredBefore),
      requiredAfter: milliText(a.requiredAfter),
      fromStock: milliText(a.fromStock),
      toBuy: milliText(a.toBuy),
      buyCost: fromMinorUnits(a.buyCost),
      releaseStock: milliText(a.releaseStock),
      dropUncontracted: milliText(a.dropUncontracted),
      cancelFromContracts: a.cancelFromContracts.map((c) => ({ contract: c.contract, quantity: milliText(c.quantity), fee: fromMinorUnits(c.fee) })),
    })),
  };
}
