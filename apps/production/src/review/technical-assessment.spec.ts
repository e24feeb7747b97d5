import { reviewOrder } from '@opm/testing';
import { technicalAssessment, TechnicalProduct } from './technical-assessment';

const catalog = new Map<string, TechnicalProduct>([
  ['P-100', { code: 'P-100', name: 'Steel flange DN100', specifications: ['DN100 PN16', 'DN100 PN25', '304 stainless'], active: true }],
  ['P-200', { code: 'P-200', name: 'Gear housing GH-2', specifications: ['GH-2 cast iron'], active: true }],
  ['P-900', { code: 'P-900', name: 'Old pump', specifications: [], active: false }],
]);

describe(technicalAssessment.name, () => {
  it('R3.2 catalog products without a specification or with a standard one are within capability (clear)', () => {
    const a = technicalAssessment(reviewOrder({}, [{}, { productCode: 'P-100', specification: ' dn100  pn25 ' }, { productCode: 'P-200', specification: 'GH-2 cast iron' }]), catalog);
    expect(a.clear).toBe(true);
    expect(a.proposals).toEqual([]);
    expect(a.reasons).toEqual([
      'line 1 (P-100 Steel flange DN100): standard product of P-100, within current capability',
      'line 2 (P-100 Steel flange DN100, dn100  pn25): standard specification of P-100, within current capability',
      'line 3 (P-200 Gear housing GH-2, GH-2 cast iron): standard specification of P-200, within current capability',
    ]);
  });

  it('R3.2 a free-text line needs an engineer: not clear, with a proposed solution naming the line', () => {
    const a = technicalAssessment(
      reviewOrder({}, [{}, { productCode: null, productName: 'Custom bracket', specification: '304 steel 2 mm', quantity: 40 }]),
      catalog,
    );
    expect(a.clear).toBe(false);
    expect(a.summary).toBe('needs engineering judgement: line 2 outside the standard catalog');
    expect(a.reasons).toContain('line 2 (Custom bracket, 304 steel 2 mm) is not a catalog product: engineering must confirm design, process and feasibility');
    expect(a.proposals[0]).toMatch(/^engineering to confirm a solution for line 2 \(Custom bracket, 304 steel 2 mm\)/);
    expect(a.details.lines).toEqual([
      { lineNo: 1, productCode: 'P-100', specification: null, finding: 'STANDARD', withinCapability: true },
      { lineNo: 2, productCode: null, specification: '304 steel 2 mm', finding: 'FREE_TEXT', withinCapability: false },
    ]);
  });

  it('R3.2 a specification outside the product list is not clear and names the standard ones', () => {
    const a = technicalAssessment(reviewOrder({}, [{ specification: 'DN150 PN16' }]), catalog);
    expect(a.clear).toBe(false);
    expect(a.reasons).toEqual([
      'line 1 (P-100 Steel flange DN100, DN150 PN16): "DN150 PN16" is not a standard specification of P-100 (standard: DN100 PN16; DN100 PN25; 304 stainless)',
    ]);
    expect(a.proposals[0]).toContain('engineering to confirm a solution for line 1 (P-100 Steel flange DN100, DN150 PN16)');
  });

  it('R3.2 an unknown or discontinued product code is not clear', () => {
    const a = technicalAssessment(reviewOrder({}, [{ productCode: 'P-999' }, { productCode: 'P-900' }]), catalog);
    expect(a.clear).toBe(false);
    expect(a.reasons[0]).toBe('line 1 (P-999): product code P-999 is not in the catalog');
    expect(a.reasons[1]).toContain('P-900 is discontinued');
    expect(a.details.lines).toMatchObject([{ finding: 'UNKNOWN_PRODUCT' }, { finding: 'INACTIVE_PRODUCT' }]);
  });

  it('R3.2 a customisation makes even an all-catalog order need an engineer; blank customisation does not', () => {
    const custom = technicalAssessment(
      reviewOrder({ specialRequirements: { customization: 'logo engraving', packaging: null, transportMode: null, other: null } }),
      catalog,
    );
    expect(custom.clear).toBe(false);
    expect(custom.summary).toBe('needs engineering judgement: customisation requested');
    expect(custom.proposals).toEqual(['engineering to confirm a solution for the customisation "logo engraving" (method, tooling, effect on lead time and cost)']);
    const blank = technicalAssessment(reviewOrder({ specialRequirements: { customization: '  ', packaging: null, transportMode: null, other: null } }), catalog);
    expect(blank.clear).toBe(true);
  });
});
