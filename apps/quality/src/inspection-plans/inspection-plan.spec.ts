import type { OrderLine, SpecialRequirements } from '@opm/contracts';
import { reviewOrder } from '@opm/testing';
import { qualityAssessment } from '../review/quality-assessment';
import { draftInspectionPlan, reviewedStandards } from './inspection-plan';

const none: SpecialRequirements = { customization: null, packaging: null, transportMode: null, other: null };
const line = (lineNo: number, overrides: Partial<OrderLine> = {}): OrderLine => ({
  lineNo,
  productCode: 'P-100',
  productName: null,
  specification: null,
  quantity: 100,
  unitPrice: '12.50',
  amount: '1250.00',
  ...overrides,
});
const capabilities = new Map([
  ['P-100', { productCode: 'P-100', attainableStandards: ['ISO 2768-m', 'EN 10204 3.1'], inspectionNotes: 'flatness on every 10th flange' }],
]);

describe('draftInspectionPlan', () => {
  it('R5.3 a line without special standards gets the standard plan: incoming, in process, final', () => {
    const items = draftInspectionPlan([line(1, { productCode: null, productName: 'Custom bracket', specification: '304 steel' })], none, reviewedStandards(null), new Map());
    expect(items.map((i) => [i.stage, i.source, i.lineNo])).toEqual([
      ['INCOMING', 'STANDARD_PLAN', 1],
      ['IN_PROCESS', 'STANDARD_PLAN', 1],
      ['FINAL', 'STANDARD_PLAN', 1],
    ]);
    expect(items[1].characteristic).toBe('first article of line 1 (Custom bracket, 304 steel)');
    expect(items[2].characteristic).toContain('100 ordered');
    for (const item of items) expect(item.method.length * item.frequency.length).toBeGreaterThan(0);
  });

  it("R5.3 R3.4 carries every standard the review attained with its control measure, and the product's inspection notes", () => {
    const order = reviewOrder({ specialRequirements: { ...none, other: 'ISO 2768-m tolerances, EN 10204 3.1 certificate' } }, [{}]);
    const assessment = qualityAssessment(order, capabilities);
    expect(assessment.clear).toBe(true);
    const items = draftInspectionPlan(order.lines, order.specialRequirements, reviewedStandards(assessment.details), new Map([['P-100', 'flatness on every 10th flange']]));
    const review = items.filter((i) => i.source === 'REVIEW');
    expect(review.map((i) => [i.characteristic, i.stage])).toEqual([
      ['general tolerances to ISO 2768-m', 'IN_PROCESS'],
      ['inspection document EN 10204 3.1', 'FINAL'],
    ]);
    // Each control measure of the review is the method of one item: none is lost, none doubled.
    expect(review.map((i) => i.method).sort()).toEqual([...(assessment.details as { controlMeasures: string[] }).controlMeasures].sort());
    expect(items.find((i) => i.source === 'PRODUCT')).toMatchObject({ stage: 'IN_PROCESS', method: 'flatness on every 10th flange', lineNo: 1 });
    // Stage order: incoming first, final last.
    expect(items.map((i) => i.stage)).toEqual(['INCOMING', 'IN_PROCESS', 'IN_PROCESS', 'FINAL', 'FINAL']);
  });

  it('R5.3 a control measure no attained standard accounts for is still carried, and the packaging asked for is checked', () => {
    const items = draftInspectionPlan([line(1)], { ...none, packaging: 'export crate' }, { lines: [], controlMeasures: ['witness test by the customer'] }, new Map());
    expect(items.filter((i) => i.lineNo === null).map((i) => [i.stage, i.source, i.method])).toEqual([
      ['FINAL', 'REVIEW', 'witness test by the customer'],
      ['FINAL', 'STANDARD_PLAN', "check the packing against the order's requirement: export crate"],
    ]);
  });

  it('R5.3 lines keep their order within a stage', () => {
    const items = draftInspectionPlan([line(2), line(1)], none, reviewedStandards({}), new Map());
    expect(items.map((i) => `${i.stage}:${i.lineNo}`)).toEqual(['INCOMING:1', 'INCOMING:2', 'IN_PROCESS:1', 'IN_PROCESS:2', 'FINAL:1', 'FINAL:2']);
  });

  it('R5.3 review details of another shape count as no attained standards', () => {
    expect(reviewedStandards({ lines: 'nonsense' })).toEqual({ lines: [], controlMeasures: [] });
    expect(reviewedStandards(undefined)).toEqual({ lines: [], controlMeasures: [] });
  });
});
