import { type Assessment, lineLabel, type ReviewOrderSnapshot } from '@opm/contracts';

/** What the technical review needs to know of a catalog product: what the plant makes as standard. */
export interface TechnicalProduct {
  code: string;
  name: string;
  specifications: readonly string[];
  active: boolean;
}

export type TechnicalFinding = 'STANDARD' | 'FREE_TEXT' | 'UNKNOWN_PRODUCT' | 'INACTIVE_PRODUCT' | 'NON_STANDARD_SPECIFICATION';

export interface TechnicalLineDetail {
  lineNo: number;
  productCode: string | null;
  specification: string | null;
  finding: TechnicalFinding;
  withinCapability: boolean;
}

/**
 * "304 stainless" and " 304  Stainless " are the same specification as far as a customer's wording goes;
 * anything else (another size, another material) is not.
 */
function sameSpecification(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Technical feasibility (R3.2): a line is within current capability when it names an active catalog product and
 * either no specification or one of the product's standard specifications. Everything else (a free-text line,
 * an unknown or discontinued product, a non-standard specification) and any customisation of the order needs
 * an engineer's judgement: the assessment is then never clear, so it is never auto-confirmed, and it proposes
 * what engineering must solve, line by line.
 */
export function technicalAssessment(order: ReviewOrderSnapshot, products: ReadonlyMap<string, TechnicalProduct>): Assessment {
  const reasons: string[] = [];
  const proposals: string[] = [];
  const lines: TechnicalLineDetail[] = [];

  for (const line of order.lines) {
    const product = line.productCode ? products.get(line.productCode) : undefined;
    const label = lineLabel(line, product?.name);
    const solve = `engineering to confirm a solution for ${label}`;
    let finding: TechnicalFinding;
    if (!line.productCode) {
      finding = 'FREE_TEXT';
      reasons.push(`${label} is not a catalog product: engineering must confirm design, process and feasibility`);
      proposals.push(`${solve} (drawing, material, process route) and propose it as a catalog product if it recurs`);
    } else if (!product) {
      finding = 'UNKNOWN_PRODUCT';
      reasons.push(`${label}: product code ${line.productCode} is not in the catalog`);
      proposals.push(`${solve}, or sales to correct the product code`);
    } else if (!product.active) {
      finding = 'INACTIVE_PRODUCT';
      reasons.push(`${label}: ${product.code} is discontinued in the catalog; current capability is not assured`);
      proposals.push(`${solve} (can ${product.code} still be made?), or offer an active catalog alternative`);
    } else if (line.specification !== null && !product.specifications.some((s) => sameSpecification(s, line.specification as string))) {
      finding = 'NON_STANDARD_SPECIFICATION';
      reasons.push(
        `${label}: "${line.specification}" is not a standard specification of ${product.code} (standard: ${product.specifications.join('; ') || 'none'})`,
      );
      proposals.push(`${solve}, or agree a standard specification with the customer (${product.specifications.join('; ') || 'none on file'})`);
    } else {
      finding = 'STANDARD';
      reasons.push(`${label}: ${line.specification ? 'standard specification' : 'standard product'} of ${product.code}, within current capability`);
    }
    lines.push({ lineNo: line.lineNo, productCode: line.productCode, specification: line.specification, finding, withinCapability: finding === 'STANDARD' });
  }

  const customization = order.specialRequirements.customization?.trim() || null;
  if (customization) {
    reasons.push(`the order asks for customisation "${customization}": not a standard process`);
    proposals.push(`engineering to confirm a solution for the customisation "${customization}" (method, tooling, effect on lead time and cost)`);
  }

  const open = lines.filter((l) => !l.withinCapability);
  const clear = open.length === 0 && !customization;
  const summary = clear
    ? `every line is a standard catalog product and specification: within current capability`
    : `needs engineering judgement: ${[
        ...(open.length > 0 ? [`line${open.length > 1 ? 's' : ''} ${open.map((l) => l.lineNo).join(', ')} outside the standard catalog`] : []),
        ...(customization ? ['customisation requested'] : []),
      ].join('; ')}`;

  return { clear, summary, reasons, proposals, details: { lines, customization } };
}
