import { fromMinorUnits, lineLabel, toMinorUnits, type Assessment, type ReviewOrderSnapshot } from '@opm/contracts';
import { BP_PER_UNIT, divCeil, divRound, formatBasisPoints } from './percent';

/** What finance knows of a catalog product (its copy of production's catalog). */
export interface FinanceProduct {
  code: string;
  name: string | null;
  /** Full standard unit cost: materials + labour + overhead, as production's costing sets it. */
  standardCost: string;
  currency: string;
}

/** In basis points (15% = 1500). */
export interface CostPolicy {
  minMarginBp: number;
  overheadBp: number;
  labourBp: number;
}

export interface LineCost {
  lineNo: number;
  productCode: string | null;
  quantity: number;
  unitPrice: string;
  revenue: string;
  unitCost: string | null;
  cost: string | null;
  /** Percent with 2 decimals; null when the line has no cost or no revenue. */
  margin: string | null;
  /** The lowest unit price that reaches the minimum margin, rounded up to the cent. */
  minimumUnitPrice: string | null;
}

/** (revenue - cost) / revenue in basis points, rounded; null without revenue. */
function marginBp(revenue: bigint, cost: bigint): bigint | null {
  return revenue === 0n ? null : divRound((revenue - cost) * BP_PER_UNIT, revenue);
}

/** The margin reaches the minimum, compared exactly: (revenue - cost) x 10000 >= minimum x revenue. */
function reaches(revenue: bigint, cost: bigint, minBp: number): boolean {
  return revenue > 0n && (revenue - cost) * BP_PER_UNIT >= BigInt(minBp) * revenue;
}

/** The lowest price whose margin over `cost` is the minimum: cost / (1 - minimum), up to the cent. */
function priceFor(cost: bigint, minBp: number): bigint {
  return divCeil(cost * BP_PER_UNIT, BP_PER_UNIT - BigInt(minBp));
}

/**
 * Cost and margin (R3.6). Estimated cost of a catalog line = quantity x the product's standard cost from
 * finance's copy of the catalog. The standard cost is taken as the full unit cost (materials + labour +
 * overhead); for the breakdown, FINANCE_OVERHEAD_PERCENT and FINANCE_LABOUR_PERCENT of it are overhead and
 * labour and the rest materials (a presentation of the same total: the margin does not depend on the split,
 * and per-order actuals replace it in cost accounting, R5.6). Margin = (price - cost) / price, with price the
 * lines' amounts as sales computed them.
 *
 * Where the policy leaves room:
 * - The order is judged on its total: a thin line is reported but another line may carry it.
 * - A line without a standard cost (free text, unknown product, cost in another currency) makes it not clear:
 *   "cost to be estimated by engineering"; the catalog lines' margin is still shown.
 * - A margin exactly at the minimum passes.
 */
export function costAssessment(order: ReviewOrderSnapshot, products: ReadonlyMap<string, FinanceProduct>, policy: CostPolicy): Assessment {
  const currency = order.currency;
  const money = (minor: bigint) => `${fromMinorUnits(minor)} ${currency}`;
  const minimum = formatBasisPoints(policy.minMarginBp);
  const reasons: string[] = [];
  const proposals: string[] = [];
  const perLine: LineCost[] = [];
  const uncosted: number[] = [];
  let cost = 0n;
  let revenue = 0n;

  for (const line of order.lines) {
    const product = line.productCode ? products.get(line.productCode) : undefined;
    const label = lineLabel(line, product?.name);
    const lineRevenue = toMinorUnits(line.amount);
    const view: LineCost = {
      lineNo: line.lineNo,
      productCode: line.productCode,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      revenue: fromMinorUnits(lineRevenue),
      unitCost: null,
      cost: null,
      margin: null,
      minimumUnitPrice: null,
    };
    perLine.push(view);
    if (!product || product.currency !== currency) {
      uncosted.push(line.lineNo);
      reasons.push(
        !line.productCode
          ? `${label} is not a catalog product: no standard cost; cost to be estimated by engineering`
          : !product
            ? `${label}: ${line.productCode} is not in finance's copy of the catalog: no standard cost; cost to be estimated by engineering`
            : `${label}: the standard cost of ${product.code} is in ${product.currency}, the order in ${currency}: finance must convert it`,
      );
      proposals.push(`engineering to estimate the cost of ${label} (materials and hours) so finance can confirm the margin`);
      continue;
    }
    const unitCost = toMinorUnits(product.standardCost);
    const lineCost = unitCost * BigInt(line.quantity);
    const lineMargin = marginBp(lineRevenue, lineCost);
    view.unitCost = fromMinorUnits(unitCost);
    view.cost = fromMinorUnits(lineCost);
    view.margin = lineMargin === null ? null : formatBasisPoints(lineMargin);
    view.minimumUnitPrice = fromMinorUnits(priceFor(unitCost, policy.minMarginBp));
    cost += lineCost;
    revenue += lineRevenue;
    if (!reaches(lineRevenue, lineCost, policy.minMarginBp)) {
      reasons.push(
        `${label}: margin ${view.margin ?? 'none (no revenue)'}${view.margin ? '%' : ''} at ${line.unitPrice} a unit against a standard cost of ${view.unitCost}: below the ${minimum}% minimum`,
      );
    }
  }

  const totalMargin = marginBp(revenue, cost);
  const margin = totalMargin === null ? null : formatBasisPoints(totalMargin);
  const costed = perLine.filter((l) => l.cost !== null);
  const thin = costed.length > 0 && !reaches(revenue, cost, policy.minMarginBp);
  const scope = uncosted.length > 0 ? 'the catalog lines' : 'the order';

  if (costed.length > 0) {
    reasons.unshift(
      `${scope}: revenue ${money(revenue)}, estimated cost ${money(cost)} at standard cost, margin ${margin === null ? 'none (no revenue)' : `${margin}%`} against a ${minimum}% minimum`,
    );
  }
  if (thin) {
    const target = priceFor(cost, policy.minMarginBp);
    const maxCost = (revenue * (BP_PER_UNIT - BigInt(policy.minMarginBp))) / BP_PER_UNIT;
    proposals.push(`raise the price of ${scope} from ${money(revenue)} to ${money(target)} (+${fromMinorUnits(target - revenue)}) to reach the ${minimum}% minimum margin`);
    for (const l of costed.filter((x) => !reaches(toMinorUnits(x.revenue), toMinorUnits(x.cost as string), policy.minMarginBp))) {
      const line = order.lines.find((x) => x.lineNo === l.lineNo);
      if (line) proposals.push(`or per line: raise the unit price of ${lineLabel(line, products.get(l.productCode ?? '')?.name)} from ${l.unitPrice} to ${l.minimumUnitPrice} ${currency}`);
    }
    proposals.push(`or cut the cost of ${scope} by ${money(cost - maxCost)}, from ${money(cost)} to at most ${money(maxCost)} (cost down with engineering and purchasing)`);
  }

  const overhead = divRound(cost * BigInt(policy.overheadBp), BP_PER_UNIT);
  const labour = divRound(cost * BigInt(policy.labourBp), BP_PER_UNIT);
  const clear = uncosted.length === 0 && !thin && revenue > 0n;
  const summary = clear
    ? `margin ${margin}% on an estimated cost of ${money(cost)}: at or above the ${minimum}% minimum`
    : [
        ...(thin ? [`margin ${margin ?? 'none'}${margin ? '%' : ''} below the ${minimum}% minimum`] : []),
        ...(uncosted.length > 0 ? [`no standard cost for line${uncosted.length > 1 ? 's' : ''} ${uncosted.join(', ')}: cost to be estimated by engineering`] : []),
      ].join('; ') || 'no revenue to compare the cost with';

  return {
    clear,
    summary,
    reasons,
    proposals,
    details: {
      currency,
      cost: { materials: fromMinorUnits(cost - overhead - labour), labour: fromMinorUnits(labour), overhead: fromMinorUnits(overhead), total: fromMinorUnits(cost) },
      revenue: fromMinorUnits(revenue),
      margin,
      minimumMargin: minimum,
      costBasis: `standard cost x quantity; standard cost = full unit cost, shown as ${formatBasisPoints(policy.overheadBp)}% overhead, ${formatBasisPoints(policy.labourBp)}% labour, rest materials`,
      perLine,
      uncostedLines: uncosted,
    },
  };
}
