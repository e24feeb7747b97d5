import { reviewOrder } from '@opm/testing';
import { ProductQualityCapability, qualityAssessment } from './quality-assessment';

const capabilities = new Map<string, ProductQualityCapability>(
  [
    { productCode: 'P-100', attainableStandards: ['ISO 2768-m', 'ISO 2768-f', 'EN 10204 2.2', 'EN 10204 3.1'], inspectionNotes: 'flange notes' },
    { productCode: 'P-300', attainableStandards: ['ISO 2768-m', 'EN 10204 3.1', 'IP65', 'RoHS'], inspectionNotes: 'valve notes' },
  ].map((c) => [c.productCode, c]),
);
const other = (text: string | null) => ({ specialRequirements: { customization: null, packaging: null, transportMode: null, other: text } });

describe(qualityAssessment.name, () => {
  it('R3.4 no special standard asked is clear, with no control measures', () => {
    const a = qualityAssessment(reviewOrder({}, [{ specification: 'DN100 PN16' }]), capabilities);
    expect(a.clear).toBe(true);
    expect(a.summary).toBe('no special quality standard asked: the standard inspection plan applies');
    expect(a.details.controlMeasures).toEqual([]);
  });

  it('R3.4 attainable special standards are clear and produce control measures carried into execution', () => {
    const a = qualityAssessment(reviewOrder(other('EN 10204 3.1 certificate required'), [{ specification: '304 stainless, ISO 2768-f' }]), capabilities);
    expect(a.clear).toBe(true);
    expect(a.summary).toBe('attainable: ISO 2768-f, EN 10204 3.1; 2 control measures for execution');
    expect(a.details.controlMeasures).toEqual([
      '100% dimensional inspection of line 1 (P-100, 304 stainless, ISO 2768-f) against ISO 2768-f general tolerances, results recorded per lot',
      'issue an EN 10204 3.1 inspection certificate per lot of line 1 (P-100, 304 stainless, ISO 2768-f), signed by quality, with material traceability to the heat number',
    ]);
    expect(a.details.inspectionNotes).toEqual({ 'P-100': 'flange notes' });
    expect(a.proposals).toEqual([]);
  });

  it('R3.4 a standard the product cannot reach is not clear, with third-party inspection or an attainable alternative', () => {
    const a = qualityAssessment(reviewOrder(other('certificate 3.2'), [{ productCode: 'P-300', specification: 'HV-16 PN160 IP67' }]), capabilities);
    expect(a.clear).toBe(false);
    expect(a.reasons).toEqual([
      'line 1 (P-300, HV-16 PN160 IP67) asks for IP67, which quality cannot attain for P-300 (attainable: ISO 2768-m, EN 10204 3.1, IP65, RoHS)',
      'line 1 (P-300, HV-16 PN160 IP67) asks for EN 10204 3.2, which quality cannot attain for P-300 (attainable: ISO 2768-m, EN 10204 3.1, IP65, RoHS)',
    ]);
    expect(a.proposals).toEqual([
      'type test of line 1 (P-300, HV-16 PN160 IP67) to IP67 (IEC 60529) at an accredited laboratory, with design changes as needed',
      'or agree IP65 instead of IP67 for line 1 (P-300, HV-16 PN160 IP67)',
      "third-party inspection for EN 10204 3.2 on line 1 (P-300, HV-16 PN160 IP67): an authorised inspector (the customer's or a notified body) witnesses the tests; cost to be quoted",
      'or agree EN 10204 3.1 instead of EN 10204 3.2 for line 1 (P-300, HV-16 PN160 IP67)',
    ]);
    expect(a.summary).toBe('not attainable: IP67, EN 10204 3.2 (line 1)');
  });

  it('R3.4 a finer tolerance class than the product reaches is the boundary: f asked of an m-only product fails, m of an f product passes', () => {
    const fails = qualityAssessment(reviewOrder({}, [{ productCode: 'P-300', specification: 'ISO 2768-f' }]), capabilities);
    expect(fails.clear).toBe(false);
    expect(fails.proposals[0]).toBe('agree ISO 2768-m instead of ISO 2768-f for line 1 (P-300, ISO 2768-f)');
    const passes = qualityAssessment(reviewOrder({}, [{ productCode: 'P-100', specification: 'ISO 2768-c' }]), capabilities);
    expect(passes.clear).toBe(true);
  });

  it('R3.4 a free-text line asking for a standard cannot be confirmed; one asking for none is fine for quality', () => {
    const freeText = { productCode: null, productName: 'Custom bracket', specification: '304 steel 2 mm' };
    const plain = qualityAssessment(reviewOrder({}, [{}, freeText]), capabilities);
    expect(plain.clear).toBe(true);
    const asked = qualityAssessment(reviewOrder(other('RoHS compliant'), [{}, freeText]), capabilities);
    expect(asked.clear).toBe(false);
    expect(asked.reasons).toContain('line 2 (Custom bracket, 304 steel 2 mm) asks for RoHS but is not a catalog product: quality cannot confirm the standard for an undefined part');
    expect(asked.proposals).toEqual([
      // P-100 has no RoHS on record either: the order-wide requirement applies to every line.
      'obtain RoHS declarations from the suppliers of every material of line 1 (P-100), then quality to confirm RoHS',
      'quality to assess RoHS for line 2 (Custom bracket, 304 steel 2 mm) once engineering has defined it (drawing, material, process)',
    ]);
    expect(asked.summary).toBe('not attainable: RoHS (line 1); cannot confirm RoHS (line 2, not a catalog product)');
  });

  it('R3.4 a catalog product without a quality record cannot be confirmed when a standard is asked', () => {
    const a = qualityAssessment(reviewOrder({}, [{ productCode: 'P-400', specification: 'S-12 d40 h6, 3.1 certificate' }]), capabilities);
    expect(a.clear).toBe(false);
    expect(a.reasons).toEqual(['line 1 (P-400, S-12 d40 h6, 3.1 certificate) asks for EN 10204 3.1 but quality has no capability record for P-400']);
  });
});
