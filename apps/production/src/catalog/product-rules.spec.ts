import { capacityUseProblems, productChanged, ProductPayload, toProductPayload } from './product-rules';

const flange: ProductPayload = {
  code: 'P-100',
  name: 'Steel flange DN100',
  specifications: ['DN100 PN16', 'DN100 PN25'],
  leadTimeDays: 30,
  capacityUse: [{ workCentre: 'MACHINING', hoursPerUnit: 0.2 }],
  bomRef: 'BOM-P-100',
  standardCost: '8.4',
  currency: 'CNY',
  active: true,
};

describe('product rules', () => {
  it('R2.4 the catalog announces the standard cost as an exact two-decimal amount', () => {
    expect(toProductPayload(flange).standardCost).toBe('8.40');
    expect(toProductPayload({ ...flange, standardCost: '95' }).standardCost).toBe('95.00');
    expect(() => toProductPayload({ ...flange, standardCost: '8.405' })).toThrow();
  });

  it('R2.4 the same cost written differently is no change; any real difference is one', () => {
    expect(productChanged(flange, { ...flange, standardCost: '8.40' })).toBe(false);
    expect(productChanged(flange, { ...flange, leadTimeDays: 31 })).toBe(true);
    expect(productChanged(flange, { ...flange, specifications: ['DN100 PN25', 'DN100 PN16'] })).toBe(true);
    expect(productChanged(flange, { ...flange, capacityUse: [{ workCentre: 'MACHINING', hoursPerUnit: 0.25 }] })).toBe(true);
    expect(productChanged(flange, { ...flange, active: false })).toBe(true);
    expect(productChanged(flange, { ...flange, bomRef: null })).toBe(true);
  });

  it('R3.3 capacity use names every unknown or repeated work centre by its position', () => {
    const known = new Set(['MACHINING', 'ASSEMBLY', 'TESTING']);
    expect(capacityUseProblems([{ workCentre: 'MACHINING', hoursPerUnit: 1 }, { workCentre: 'ASSEMBLY', hoursPerUnit: 0.5 }], known)).toEqual([]);
    const problems = capacityUseProblems(
      [
        { workCentre: 'MACHINING', hoursPerUnit: 1 },
        { workCentre: 'PAINTING', hoursPerUnit: 1 },
        { workCentre: 'MACHINING', hoursPerUnit: 2 },
      ],
      known,
    );
    expect(problems.map((p) => p.field)).toEqual(['capacityUse.1.workCentre', 'capacityUse.2.workCentre']);
    expect(problems[0].message).toContain('PAINTING');
    expect(problems[1].message).toContain('more than once');
  });
});
