import { addDays, toMinorUnits } from '@opm/contracts';
import { toMicro } from '../review/decimal-quantity';

/** What purchasing knows of a catalog product: its bill of materials and the days production needs before delivery. */
export interface RequirementProduct {
  bomRef: string | null;
  leadTimeDays: number | null;
}

export interface RequirementOffer {
  supplier: string;
  leadTimeDays: number;
  unitPrice: string;
  currency: string;
}

export interface RequirementsInput {
  lines: readonly { lineNo: number; productCode: string | null; quantity: number }[];
  products: ReadonlyMap<string, RequirementProduct>;
  boms: ReadonlyMap<string, { lines: readonly { material: string; quantityPerUnit: number | string }[] }>;
  /** material -> its stock unit and the FREE quantity (on hand minus other orders' reservations), thousandths. */
  stock: ReadonlyMap<string, { unit: string; free: bigint }>;
  /** material -> active suppliers' offers. */
  offers: ReadonlyMap<string, readonly RequirementOffer[]>;
  deliveryDate: string | null;
  /** Days before delivery material must be in when the product's catalog lead time is unknown. */
  bufferDays: number;
}

export interface ComputedRequirement {
  materialCode: string;
  /** The stock unit; `unknown` for a material purchasing does not stock at all. */
  unit: string;
  lines: number[];
  /** All in thousandths of the unit. */
  required: bigint;
  reserved: bigint;
  toPurchase: bigint;
  /** delivery date - production days: the day the material must be in. */
  neededBy: string | null;
  /** neededBy - the quickest active supplier's lead time. */
  latestOrderDate: string | null;
  /** The quickest active supplier, whose lead time sets the latest order date. */
  supplierId: string | null;
  /** The lowest active supplier price: the standard cost reserved stock is charged at (R5.6). */
  standardUnitCost: string | null;
  currency: string | null;
}

export interface RequirementsResult {
  requirements: ComputedRequirement[];
  /** Lines whose materials are unknown (free text, product or bill of materials not on file). */
  unresolvedLines: number[];
}

const MICRO_PER_MILLI = 1000n;

/** Micro-units rounded up to thousandths: what is needed is never rounded away. */
function microToMilliCeil(micro: bigint): bigint {
  return (micro + MICRO_PER_MILLI - 1n) / MICRO_PER_MILLI;
}

/** Free stock: on hand minus what other orders hold, never below zero (thousandths). */
export function freeQuantity(onHand: bigint, reservedByOthers: bigint): bigint {
  const free = onHand - reservedByOthers;
  return free > 0n ? free : 0n;
}

/** What is reserved for the order of a material: the free stock up to the need. */
export function reservable(required: bigint, free: bigint): bigint {
  return free < required ? free : required;
}

const cheaper = (a: string, b: string): boolean => toMinorUnits(a) < toMinorUnits(b);

/**
 * An issued order's material requirements (R5.2): per material, bill of materials x ordered quantity summed over the
 * lines (rounded up to the thousandth), net of FREE stock, which is reserved up to the need; the rest is to purchase.
 * The needed date is the order's delivery date minus the days production needs (the product's catalog lead time, the
 * buffer when unknown; the longest over the lines using the material), the same rule as the review (R3.5), since the
 * issued order is what purchasing knows; the latest order date is that minus the quickest active supplier's lead time.
 */
export function computeRequirements(input: RequirementsInput): RequirementsResult {
  const needs = new Map<string, { micro: bigint; lines: number[]; productionDays: number }>();
  const unresolvedLines: number[] = [];
  for (const line of input.lines) {
    const product = line.productCode ? input.products.get(line.productCode) : undefined;
    const bom = product?.bomRef ? input.boms.get(product.bomRef) : undefined;
    if (!product || !bom) {
      unresolvedLines.push(line.lineNo);
      continue;
    }
    const productionDays = product.leadTimeDays ?? input.bufferDays;
    for (const b of bom.lines) {
      const need = needs.get(b.material) ?? { micro: 0n, lines: [], productionDays: 0 };
      need.micro += toMicro(b.quantityPerUnit) * BigInt(line.quantity);
      if (!need.lines.includes(line.lineNo)) need.lines.push(line.lineNo);
      need.productionDays = Math.max(need.productionDays, productionDays);
      needs.set(b.material, need);
    }
  }

  const requirements = [...needs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([materialCode, need]): ComputedRequirement => {
      const required = microToMilliCeil(need.micro);
      const stock = input.stock.get(materialCode);
      const reserved = reservable(required, stock?.free ?? 0n);
      const offers = [...(input.offers.get(materialCode) ?? [])];
      const quickest = [...offers].sort((a, b) => a.leadTimeDays - b.leadTimeDays || a.supplier.localeCompare(b.supplier))[0];
      const lowest = offers.reduce<RequirementOffer | undefined>((best, o) => (!best || cheaper(o.unitPrice, best.unitPrice) ? o : best), undefined);
      const neededBy = input.deliveryDate ? addDays(input.deliveryDate, -need.productionDays) : null;
      return {
        materialCode,
        unit: stock?.unit ?? 'unknown',
        lines: need.lines,
        required,
        reserved,
        toPurchase: required - reserved,
        neededBy,
        latestOrderDate: neededBy && quickest ? addDays(neededBy, -quickest.leadTimeDays) : null,
        supplierId: quickest?.supplier ?? null,
        standardUnitCost: lowest?.unitPrice ?? null,
        currency: lowest?.currency ?? null,
      };
    });
  return { requirements, unresolvedLines };
}
