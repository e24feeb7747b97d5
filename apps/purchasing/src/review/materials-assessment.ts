import type { Assessment, ReviewOrderSnapshot } from '@opm/contracts';
import { formatQuantity, timesQuantity, toMicro } from './decimal-quantity';
import { addDays, daysBetween, lineLabel } from '@opm/contracts';

/** What purchasing knows of a catalog product (its copy of production's catalog). */
export interface PurchasingProduct {
  code: string;
  name: string | null;
  bomRef: string | null;
  /** The catalog lead time: the days production needs before delivery, so material must be in by then. */
  leadTimeDays: number | null;
}

export interface BomForReview {
  bomRef: string;
  lines: readonly { material: string; quantityPerUnit: number | string }[];
}

export interface StockForReview {
  onHand: number | string;
  unit: string | null;
}

/** An active supplier's offer for one material. */
export interface MaterialOffer {
  supplier: string;
  name: string;
  rating: number;
  leadTimeDays: number;
  unitPrice: string;
  currency: string;
}

export interface MaterialsInput {
  order: ReviewOrderSnapshot;
  products: ReadonlyMap<string, PurchasingProduct>;
  boms: ReadonlyMap<string, BomForReview>;
  stock: ReadonlyMap<string, StockForReview>;
  /** material -> active suppliers' offers. */
  offers: ReadonlyMap<string, readonly MaterialOffer[]>;
  today: string;
  /** Days before delivery a material must be in when the product's lead time is not known (PURCHASING_ORDER_BUFFER_DAYS). */
  bufferDays: number;
}

export type MaterialRisk = 'LATE' | 'SINGLE_SOURCE' | 'NO_SUPPLIER';

export interface MaterialSupplierView extends MaterialOffer {
  /** delivery date - production days - this supplier's lead time; null without a delivery date. */
  latestOrderDate: string | null;
  inTime: boolean | null;
}

export interface MaterialView {
  material: string;
  unit: string | null;
  lines: number[];
  required: string;
  onHand: string;
  toBuy: string;
  /** Days before delivery the material must be in: the longest catalog lead time of the lines using it. */
  productionDays: number;
  suppliers: MaterialSupplierView[];
  /** With the fastest supplier; null when nothing is bought or no date is known. */
  latestOrderDate: string | null;
  risks: MaterialRisk[];
}

interface MaterialNeed {
  material: string;
  required: bigint;
  lines: number[];
  productionDays: number;
}

/**
 * Materials and suppliers (R3.5). For each catalog line: its bill of materials (via purchasing's catalog copy),
 * need = quantity x quantity per unit, summed per material, netted against free stock. For each material to
 * buy, the active suppliers with their lead times and the latest order date:
 *   delivery date - production days - supplier lead time,
 * where production days are the product's catalog lead time when purchasing knows it, otherwise the configured
 * buffer (7 days by default). Rules where the policy leaves room:
 * - LATE (no supplier can deliver in time: the latest order date is before today) makes it not clear, with
 *   proposals: expedite, an alternative supplier, or the earliest delivery date that works.
 * - SINGLE_SOURCE is reported with a countermeasure but alone does not make it unclear: the order can be
 *   placed in time, the risk is the supplier's, and purchasing's reviewer sees it.
 * - NO_SUPPLIER (to buy, nobody active supplies it) makes it not clear.
 * - Only free stock counts (`stock.onHand` is on hand minus other orders' reservations, R5.2), so two orders never
 *   count the same stock.
 * - Lines without a bill of materials (free text, unknown product, no bomRef, bill not on file) and a missing
 *   delivery date make it not clear: the need or the dates are unknown.
 */
export function materialsAssessment(input: MaterialsInput): Assessment {
  const { order, products, boms, stock, offers, today, bufferDays } = input;
  const reasons: string[] = [];
  const proposals: string[] = [];
  const needs = new Map<string, MaterialNeed>();
  const unknownLines: number[] = [];

  for (const line of order.lines) {
    const product = line.productCode ? products.get(line.productCode) : undefined;
    const label = lineLabel(line, product?.name);
    const bom = product?.bomRef ? boms.get(product.bomRef) : undefined;
    if (!product || !bom) {
      unknownLines.push(line.lineNo);
      reasons.push(
        !line.productCode
          ? `${label} is not a catalog product: its materials are unknown until engineering defines a bill of materials`
          : !product
            ? `${label}: ${line.productCode} is not in purchasing's copy of the catalog, so its materials are unknown`
            : !product.bomRef
              ? `${label}: ${product.code} has no bill of materials in the catalog`
              : `${label}: bill of materials ${product.bomRef} is not on file in purchasing`,
      );
      proposals.push(`engineering and purchasing to define the bill of materials of ${label} so its materials can be planned`);
      continue;
    }
    const productionDays = product.leadTimeDays ?? bufferDays;
    for (const b of bom.lines) {
      const need = needs.get(b.material) ?? { material: b.material, required: 0n, lines: [], productionDays: 0 };
      need.required += timesQuantity(toMicro(b.quantityPerUnit), line.quantity);
      if (!need.lines.includes(line.lineNo)) need.lines.push(line.lineNo);
      need.productionDays = Math.max(need.productionDays, productionDays);
      needs.set(b.material, need);
    }
  }

  const delivery = order.deliveryDate;
  if (!delivery) {
    reasons.push('no delivery date requested: latest order dates cannot be set');
    proposals.push('sales to agree a delivery date with the customer: the latest order dates depend on it');
  }

  const materials: MaterialView[] = [];
  let earliestDelivery: string | null = null;
  for (const need of [...needs.values()].sort((a, b) => a.material.localeCompare(b.material))) {
    const unit = stock.get(need.material)?.unit ?? null;
    const qty = (micro: bigint) => `${formatQuantity(micro)}${unit ? ` ${unit}` : ''}`;
    const onHand = toMicro(stock.get(need.material)?.onHand ?? 0);
    const toBuy = need.required > onHand ? need.required - onHand : 0n;
    const forLines = `for line${need.lines.length > 1 ? 's' : ''} ${need.lines.join(', ')}`;
    const view: MaterialView = {
      material: need.material,
      unit,
      lines: need.lines,
      required: formatQuantity(need.required),
      onHand: formatQuantity(onHand),
      toBuy: formatQuantity(toBuy),
      productionDays: need.productionDays,
      suppliers: [],
      latestOrderDate: null,
      risks: [],
    };
    materials.push(view);
    if (toBuy === 0n) {
      reasons.push(`${need.material}: ${qty(need.required)} needed ${forLines}, ${qty(onHand)} free in stock: no purchase needed`);
      continue;
    }

    const sources = [...(offers.get(need.material) ?? [])].sort((a, b) => a.leadTimeDays - b.leadTimeDays || b.rating - a.rating);
    view.suppliers = sources.map((s) => {
      const latest = delivery ? addDays(delivery, -(need.productionDays + s.leadTimeDays)) : null;
      return { ...s, latestOrderDate: latest, inTime: latest === null ? null : latest >= today };
    });
    const fastest = view.suppliers[0];
    view.latestOrderDate = fastest?.latestOrderDate ?? null;
    const buying = `${need.material}: ${qty(need.required)} needed ${forLines}, ${qty(onHand)} free in stock: buy ${qty(toBuy)}`;

    if (!fastest) {
      view.risks.push('NO_SUPPLIER');
      reasons.push(`${buying}, but no active supplier supplies it`);
      proposals.push(`purchasing to find and qualify a supplier of ${need.material} (none active on file)`);
      continue;
    }
    const offered = view.suppliers.map((s) => `${s.name} ${s.leadTimeDays} days`).join(', ');
    if (fastest.inTime === false) {
      view.risks.push('LATE');
      const daysLate = daysBetween(fastest.latestOrderDate as string, today);
      const daysLeft = daysBetween(today, addDays(delivery as string, -need.productionDays));
      reasons.push(
        `${buying}; the fastest supplier (${fastest.name}, ${fastest.leadTimeDays} days) had to be ordered by ${fastest.latestOrderDate}, ${daysLate} day${daysLate === 1 ? '' : 's'} ago, for production's ${need.productionDays} days before delivery on ${delivery}`,
      );
      if (daysLeft > 0) {
        proposals.push(`expedite ${need.material}: ask ${fastest.name} to deliver within ${daysLeft} days instead of ${fastest.leadTimeDays}`);
        proposals.push(`or buy ${need.material} from an alternative supplier able to deliver within ${daysLeft} days (on file: ${offered})`);
      } else {
        proposals.push(`${need.material} cannot arrive in time whatever the supplier: production's ${need.productionDays} days before ${delivery} have already begun`);
      }
      const works = addDays(today, fastest.leadTimeDays + need.productionDays);
      if (!earliestDelivery || works > earliestDelivery) earliestDelivery = works;
    } else {
      reasons.push(`${buying} from ${offered}${fastest.latestOrderDate ? `; order by ${fastest.latestOrderDate} at the latest` : ''}`);
    }
    if (view.suppliers.length === 1) {
      view.risks.push('SINGLE_SOURCE');
      reasons.push(`${need.material} has a single active supplier (${fastest.name}): a supply risk`);
      proposals.push(
        `qualify a second supplier for ${need.material}, or order it early${fastest.latestOrderDate && fastest.inTime ? ` (well before ${fastest.latestOrderDate})` : ''} and keep safety stock`,
      );
    }
  }
  if (earliestDelivery) {
    proposals.push(`or a later delivery date: ${earliestDelivery} or after, when materials ordered today arrive in time for production`);
  }

  const late = materials.filter((m) => m.risks.includes('LATE'));
  const missing = materials.filter((m) => m.risks.includes('NO_SUPPLIER'));
  const single = materials.filter((m) => m.risks.includes('SINGLE_SOURCE'));
  const clear = delivery !== null && unknownLines.length === 0 && late.length === 0 && missing.length === 0;
  const toBuy = materials.filter((m) => m.toBuy !== '0');
  const summary = clear
    ? [
        toBuy.length === 0 ? 'all materials on hand' : `materials available in time: buy ${toBuy.map((m) => m.material).join(', ')}`,
        ...(single.length > 0 ? [`single source: ${single.map((m) => m.material).join(', ')}`] : []),
      ].join('; ')
    : [
        ...(!delivery ? ['no delivery date'] : []),
        ...(late.length > 0 ? [`late: ${late.map((m) => `${m.material} (order by ${m.latestOrderDate})`).join(', ')}`] : []),
        ...(missing.length > 0 ? [`no supplier: ${missing.map((m) => m.material).join(', ')}`] : []),
        ...(unknownLines.length > 0 ? [`materials unknown for line${unknownLines.length > 1 ? 's' : ''} ${unknownLines.join(', ')}`] : []),
        ...(single.length > 0 ? [`single source: ${single.map((m) => m.material).join(', ')}`] : []),
      ].join('; ');

  return { clear, summary, reasons, proposals, details: { today, deliveryDate: delivery, materials, unknownLines, earliestDelivery } };
}
