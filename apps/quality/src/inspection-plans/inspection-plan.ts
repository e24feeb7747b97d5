import { z } from 'zod';
import { type InspectionStage, lineLabel, type OrderLine, type SpecialRequirements } from '@opm/contracts';
import { controlMeasure, kindOf, type StandardKind } from '../review/requested-standards';

/** Where an item of the plan comes from: quality's standard plan, the review's attained standards (R3.4), the product's notes. */
export const PLAN_ITEM_SOURCES = ['STANDARD_PLAN', 'REVIEW', 'PRODUCT'] as const;
export type PlanItemSource = (typeof PLAN_ITEM_SOURCES)[number];

export interface InspectionPlanItem {
  characteristic: string;
  method: string;
  frequency: string;
  stage: InspectionStage;
  /** The order line it applies to; null for the whole order (packaging). */
  lineNo: number | null;
  source: PlanItemSource;
}

/** What the quality review attained for each line, read from the review task's assessment details. */
export interface ReviewedStandards {
  lines: { lineNo: number; attainable: string[] }[];
  controlMeasures: string[];
}

const ReviewDetailsSchema = z.object({
  lines: z.array(z.object({ lineNo: z.number().int(), attainable: z.array(z.string()) })).default([]),
  controlMeasures: z.array(z.string()).default([]),
});

/** The attained standards of a quality assessment (`qualityAssessment`'s details); none when it has no such details. */
export function reviewedStandards(details: unknown): ReviewedStandards {
  const parsed = ReviewDetailsSchema.safeParse(details ?? {});
  return parsed.success ? parsed.data : { lines: [], controlMeasures: [] };
}

/** When and how often an attained standard is checked: tolerances during machining, documents and tests before shipment. */
const STANDARD_CHECKS: Record<StandardKind, { stage: InspectionStage; frequency: string; characteristic: (standard: string) => string }> = {
  ISO_2768: { stage: 'IN_PROCESS', frequency: 'every part (100%), results recorded per lot', characteristic: (s) => `general tolerances to ${s}` },
  EN_10204: { stage: 'FINAL', frequency: 'one inspection document per lot', characteristic: (s) => `inspection document ${s}` },
  IP: { stage: 'FINAL', frequency: 'a sample of each lot', characteristic: (s) => `ingress protection ${s}` },
  ROHS: { stage: 'INCOMING', frequency: 'every material delivery', characteristic: () => 'RoHS conformity of the materials' },
  ISO: { stage: 'FINAL', frequency: 'every lot', characteristic: (s) => `conformity to ${s}` },
};

const STAGE_ORDER: Record<InspectionStage, number> = { INCOMING: 0, IN_PROCESS: 1, FINAL: 2 };

/**
 * The inspection plan of an issued order (R5.3): for every line quality's standard plan (incoming material,
 * first article or the product's own checks in process, the final inspection of quantity and marking), an item
 * per standard the review attained for it carrying its control measure (R3.4), and the packaging the order asks
 * for. A control measure of the review that no attained standard accounts for is kept as a final item, so none
 * is lost. Items come in stage order (incoming, in process, final), then by line.
 */
export function draftInspectionPlan(
  lines: readonly OrderLine[],
  specialRequirements: SpecialRequirements,
  review: ReviewedStandards,
  inspectionNotes: ReadonlyMap<string, string | null>,
): InspectionPlanItem[] {
  const items: InspectionPlanItem[] = [];
  const measures = new Set<string>();
  for (const line of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const label = lineLabel(line);
    items.push({
      characteristic: `material identity and certificates for ${label}`,
      method: 'check each delivery against the purchase contract and its material certificates',
      frequency: 'every delivery',
      stage: 'INCOMING',
      lineNo: line.lineNo,
      source: 'STANDARD_PLAN',
    });
    const notes = line.productCode ? inspectionNotes.get(line.productCode) : null;
    items.push(
      notes
        ? { characteristic: `product checks of ${line.productCode}`, method: notes, frequency: 'as the product notes state', stage: 'IN_PROCESS', lineNo: line.lineNo, source: 'PRODUCT' }
        : {
            characteristic: `first article of ${label}`,
            method: 'first-article inspection against the drawing and the specification',
            frequency: 'the first part of each lot',
            stage: 'IN_PROCESS',
            lineNo: line.lineNo,
            source: 'STANDARD_PLAN',
          },
    );
    for (const standard of review.lines.find((l) => l.lineNo === line.lineNo)?.attainable ?? []) {
      const check = STANDARD_CHECKS[kindOf(standard)];
      const method = controlMeasure(standard, label);
      measures.add(method);
      items.push({ characteristic: check.characteristic(standard), method, frequency: check.frequency, stage: check.stage, lineNo: line.lineNo, source: 'REVIEW' });
    }
    items.push({
      characteristic: `quantity, marking and appearance of ${label}: ${line.quantity} ordered`,
      method: 'count, visual inspection, marking and labels checked against the order',
      frequency: 'every lot before shipment',
      stage: 'FINAL',
      lineNo: line.lineNo,
      source: 'STANDARD_PLAN',
    });
  }
  for (const measure of review.controlMeasures.filter((m) => !measures.has(m))) {
    items.push({ characteristic: 'control measure from the quality review', method: measure, frequency: 'every lot', stage: 'FINAL', lineNo: null, source: 'REVIEW' });
  }
  if (specialRequirements.packaging) {
    items.push({
      characteristic: 'packaging as ordered',
      method: `check the packing against the order's requirement: ${specialRequirements.packaging}`,
      frequency: 'every shipment lot',
      stage: 'FINAL',
      lineNo: null,
      source: 'STANDARD_PLAN',
    });
  }
  // A stable sort: within a stage the lines keep their order.
  return items.sort((a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage]);
}
