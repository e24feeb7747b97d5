import { type Assessment, lineLabel, type ReviewOrderSnapshot } from '@opm/contracts';
import { controlMeasure, isAttainable, proposalsFor, requestedStandards } from './requested-standards';

export interface ProductQualityCapability {
  productCode: string;
  attainableStandards: readonly string[];
  inspectionNotes: string | null;
}

export interface LineStandards {
  lineNo: number;
  productCode: string | null;
  asked: string[];
  attainable: string[];
  notAttainable: string[];
  /** Asked, but quality cannot judge: a free-text line or a product quality has no record of. */
  unconfirmed: string[];
}

/**
 * Quality review (R3.4). A line asks for a standard when its specification names one, and every line asks for
 * what the order's "other" special requirement names (it applies to the whole order). Each asked standard must
 * be attainable for the line's product (the quality_capability table); otherwise the assessment is not clear
 * and proposes an attainable alternative or outside inspection/testing.
 *
 * Where the policy leaves room:
 * - A line that asks for no special standard is fine for quality, free text or not: the standard inspection
 *   plan applies, and whether the part can be made at all is the technical review's question.
 * - A line that asks for a standard but is free text (or a product quality has no record of) is not clear:
 *   quality cannot confirm a standard for a part nobody has defined yet.
 * - Every attainable special standard produces a control measure (details.controlMeasures) to be carried into
 *   the inspection plan in execution (R5.3); an unattainable one produces proposals instead, since its
 *   measure depends on which proposal the customer accepts.
 */
export function qualityAssessment(order: ReviewOrderSnapshot, capabilities: ReadonlyMap<string, ProductQualityCapability>): Assessment {
  const orderWide = requestedStandards(order.specialRequirements.other);
  const reasons: string[] = [];
  const proposals: string[] = [];
  const controlMeasures: string[] = [];
  const lines: LineStandards[] = [];

  for (const line of order.lines) {
    const label = lineLabel(line);
    const asked = [...new Set([...requestedStandards(line.specification), ...orderWide])];
    const result: LineStandards = { lineNo: line.lineNo, productCode: line.productCode, asked, attainable: [], notAttainable: [], unconfirmed: [] };
    lines.push(result);
    if (asked.length === 0) continue;
    const capability = line.productCode ? capabilities.get(line.productCode) : undefined;
    if (!capability) {
      result.unconfirmed = asked;
      if (!line.productCode) {
        reasons.push(`${label} asks for ${asked.join(', ')} but is not a catalog product: quality cannot confirm the standard for an undefined part`);
        proposals.push(`quality to assess ${asked.join(', ')} for ${label} once engineering has defined it (drawing, material, process)`);
      } else {
        reasons.push(`${label} asks for ${asked.join(', ')} but quality has no capability record for ${line.productCode}`);
        proposals.push(`quality to qualify ${line.productCode} for ${asked.join(', ')} (first-article inspection) and record it in the quality standards`);
      }
      continue;
    }
    for (const standard of asked) {
      if (isAttainable(standard, capability.attainableStandards)) {
        result.attainable.push(standard);
        controlMeasures.push(controlMeasure(standard, label));
      } else {
        result.notAttainable.push(standard);
        reasons.push(
          `${label} asks for ${standard}, which quality cannot attain for ${capability.productCode} (attainable: ${capability.attainableStandards.join(', ') || 'none on record'})`,
        );
        proposals.push(...proposalsFor(standard, capability.attainableStandards, label));
      }
    }
    if (result.attainable.length > 0) reasons.push(`${label}: ${result.attainable.join(', ')} attainable for ${capability.productCode}`);
  }

  const notAttainable = lines.filter((l) => l.notAttainable.length > 0);
  const unconfirmed = lines.filter((l) => l.unconfirmed.length > 0);
  const asked = [...new Set(lines.flatMap((l) => l.asked))];
  const clear = notAttainable.length === 0 && unconfirmed.length === 0;
  let summary: string;
  if (asked.length === 0) {
    summary = 'no special quality standard asked: the standard inspection plan applies';
    reasons.push(summary);
  } else if (clear) {
    summary = `attainable: ${asked.join(', ')}; ${controlMeasures.length} control measure${controlMeasures.length === 1 ? '' : 's'} for execution`;
  } else {
    summary = [
      ...notAttainable.map((l) => `not attainable: ${l.notAttainable.join(', ')} (line ${l.lineNo})`),
      ...unconfirmed.map((l) => `cannot confirm ${l.unconfirmed.join(', ')} (line ${l.lineNo}, ${l.productCode ? 'no capability record' : 'not a catalog product'})`),
    ].join('; ');
  }

  const used = [...new Set(order.lines.flatMap((l) => (l.productCode && capabilities.has(l.productCode) ? [l.productCode] : [])))];
  return {
    clear,
    summary,
    reasons,
    proposals,
    details: {
      orderWideStandards: orderWide,
      lines,
      controlMeasures,
      inspectionNotes: Object.fromEntries(used.map((code) => [code, capabilities.get(code)?.inspectionNotes ?? null])),
    },
  };
}
