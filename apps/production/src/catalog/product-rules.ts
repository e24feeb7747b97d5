import { fromMinorUnits, PayloadOf, ProductionProductUpdatedV1, toMinorUnits } from '@opm/contracts';
import type { CapacityUse } from './product.entity';

/** The product as the contract carries it (ProductSchema): the event payload and the core of every answer. */
export type ProductPayload = PayloadOf<typeof ProductionProductUpdatedV1>;

export interface ProductFieldError {
  field: string;
  message: string;
}

/** "8.4" and "8.40" are the same cost; the catalog always stores and announces the two-decimal form. */
export function normaliseMoney(amount: string): string {
  return fromMinorUnits(toMinorUnits(amount));
}

export function toProductPayload(p: ProductPayload): ProductPayload {
  return {
    code: p.code,
    name: p.name,
    specifications: [...p.specifications],
    leadTimeDays: p.leadTimeDays,
    capacityUse: p.capacityUse.map((c) => ({ workCentre: c.workCentre, hoursPerUnit: c.hoursPerUnit })),
    bomRef: p.bomRef,
    standardCost: normaliseMoney(p.standardCost),
    currency: p.currency,
    active: p.active,
  };
}

/**
 * Whether a replacement really changes the product: an unchanged PUT keeps the version and announces nothing,
 * so a client retrying a PUT does not wake every consumer of the catalog.
 */
export function productChanged(before: ProductPayload, after: ProductPayload): boolean {
  return JSON.stringify(toProductPayload(before)) !== JSON.stringify(toProductPayload(after));
}

/**
 * Capacity use must name existing work centres, each once: the capacity review (R3.3) adds a product's hours to
 * its centres' load, and a typo or a duplicate would silently drop or double them. Every bad entry is named.
 */
export function capacityUseProblems(capacityUse: readonly CapacityUse[], knownWorkCentres: ReadonlySet<string>): ProductFieldError[] {
  const seen = new Set<string>();
  const problems: ProductFieldError[] = [];
  capacityUse.forEach((use, i) => {
    const field = `capacityUse.${i}.workCentre`;
    if (!knownWorkCentres.has(use.workCentre)) {
      problems.push({ field, message: `unknown work centre ${JSON.stringify(use.workCentre)}; known: ${[...knownWorkCentres].sort().join(', ')}` });
    } else if (seen.has(use.workCentre)) {
      problems.push({ field, message: `work centre ${use.workCentre} is listed more than once` });
    }
    seen.add(use.workCentre);
  });
  return problems;
}
