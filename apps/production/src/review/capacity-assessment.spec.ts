import { addDays } from '@opm/contracts';
import { reviewOrder } from '@opm/testing';
import { capacityAssessment, CapacityCentre, CapacityInput, CapacityProduct, CommittedLoad, formatHours, WorkCentreCapacity } from './capacity-assessment';

const TODAY = '2026-11-26';

const products = new Map<string, CapacityProduct>([
  ['P-100', { code: 'P-100', capacityUse: [{ workCentre: 'MACHINING', hoursPerUnit: 0.2 }, { workCentre: 'ASSEMBLY', hoursPerUnit: 0.05 }] }],
  ['P-200', { code: 'P-200', capacityUse: [{ workCentre: 'MACHINING', hoursPerUnit: 1.5 }, { workCentre: 'ASSEMBLY', hoursPerUnit: 0.5 }] }],
  ['P-TENTH', { code: 'P-TENTH', capacityUse: [{ workCentre: 'TESTING', hoursPerUnit: 0.1 }] }],
  ['P-LASER', { code: 'P-LASER', capacityUse: [{ workCentre: 'LASER', hoursPerUnit: 1 }] }],
]);

const centre = (code: string, hoursPerDay: number, exceptions: Record<string, number> = {}): CapacityCentre => ({
  code,
  hoursPerDay,
  exceptions: new Map(Object.entries(exceptions)),
});
const centres = [centre('MACHINING', 16), centre('ASSEMBLY', 8), centre('TESTING', 0.3)];

/** `hours` a day of `centre` held by other orders' plans, on each of `days` days from `from` (ledger rows). */
const load = (centre: string, from: string, days: number, hours: number, orders: string[]): CommittedLoad[] =>
  Array.from({ length: days }, (_, i) => ({ workCentre: centre, date: addDays(from, i), hours, orders }));

function assess(order: CapacityInput['order'], overrides: Partial<CapacityInput> = {}) {
  return capacityAssessment({ order, products, workCentres: centres, committed: [], today: TODAY, ...overrides });
}
const centreOf = (details: Record<string, unknown>, code: string) => (details.perWorkCentre as WorkCentreCapacity[]).find((c) => c.workCentre === code);

describe(capacityAssessment.name, () => {
  it('R3.3 hours needed within the free hours between today and the delivery date are clear', () => {
    // 10 production days (2026-11-26 .. 2026-12-05): MACHINING 160 h, ASSEMBLY 80 h; 100 x P-100 needs 20 h and 5 h.
    const a = assess(reviewOrder({ deliveryDate: '2026-12-06' }, [{ productCode: 'P-100', quantity: 100 }]));
    expect(a.clear).toBe(true);
    expect(a.summary).toBe('capacity available: every work centre has the hours by 2026-12-06 at the current load');
    expect(a.reasons).toEqual([
      'ASSEMBLY: 5 h needed, 80 h free between 2026-11-26 and 2026-12-05 (80 h available)',
      'MACHINING: 20 h needed, 160 h free between 2026-11-26 and 2026-12-05 (160 h available)',
    ]);
    expect(a.details.productionDays).toEqual({ from: TODAY, to: '2026-12-05' });
    expect(a.proposals).toEqual([]);
  });

  it('R3.3 finds the earliest feasible date when machining is short', () => {
    // 200 x P-200: MACHINING 300 h (18.75 days of 16 h), ASSEMBLY 100 h (12.5 days of 8 h); 10 days give 160 h.
    const a = assess(reviewOrder({ deliveryDate: '2026-12-06' }, [{ productCode: 'P-200', quantity: 200 }]));
    expect(a.clear).toBe(false);
    expect(centreOf(a.details, 'MACHINING')).toEqual({
      workCentre: 'MACHINING',
      requiredHours: 300,
      availableHours: 160,
      committedHours: 0,
      freeHours: 160,
      shortHours: 140,
      committedOrders: [],
    });
    expect(centreOf(a.details, 'ASSEMBLY')).toMatchObject({ requiredHours: 100, availableHours: 80, shortHours: 20 });
    expect(a.details.earliestFeasibleDate).toBe('2026-12-15');
    expect(a.reasons).toContain('MACHINING: 300 h needed but only 160 h free between 2026-11-26 and 2026-12-05 (160 h available): 140 h short');
    expect(a.proposals).toEqual([
      'deliver on 2026-12-15 instead of 2026-12-06: the earliest date by which every work centre has the hours at the current load',
      'add 20 h of ASSEMBLY (overtime or a second shift) before 2026-12-06',
      'add 140 h of MACHINING (overtime or a second shift) before 2026-12-06',
    ]);
    expect(a.summary).toBe('capacity short at ASSEMBLY (20 h), MACHINING (140 h); earliest feasible delivery 2026-12-15');
  });

  it('R3.3 calendar exceptions replace the daily hours on their date (holiday, maintenance, extra shift)', () => {
    const calendar = [centre('MACHINING', 16, { '2026-11-28': 0, '2026-11-29': 8, '2026-11-30': 24 }), centre('ASSEMBLY', 8)];
    const a = assess(reviewOrder({ deliveryDate: '2026-12-06' }, [{ productCode: 'P-100', quantity: 100 }]), { workCentres: calendar });
    // 160 - 16 + (8 - 16) + (24 - 16) = 144
    expect(centreOf(a.details, 'MACHINING')).toMatchObject({ availableHours: 144, freeHours: 144 });
  });

  it('R3.3 hours needed exactly equal to the free hours are enough; a tenth of an hour more is short', () => {
    // 800 x P-100 = 160 h of MACHINING: exactly the 10 days.
    const exact = assess(reviewOrder({ deliveryDate: '2026-12-06' }, [{ productCode: 'P-100', quantity: 800 }]));
    expect(exact.clear).toBe(true);
    expect(centreOf(exact.details, 'MACHINING')).toMatchObject({ requiredHours: 160, freeHours: 160, shortHours: 0 });
    const over = assess(reviewOrder({ deliveryDate: '2026-12-06' }, [{ productCode: 'P-100', quantity: 801 }]));
    expect(over.clear).toBe(false);
    expect(centreOf(over.details, 'MACHINING')).toMatchObject({ requiredHours: 160.2, shortHours: 0.2 });
    expect(over.proposals).toContain('add 0.2 h of MACHINING (overtime or a second shift) before 2026-12-06');
    expect(over.details.earliestFeasibleDate).toBe('2026-12-07');
  });

  it('R3.3 hours are exact: 3 x 0.1 h fits a 0.3 h day (a float sum would be 0.30000000000000004)', () => {
    const a = assess(reviewOrder({ deliveryDate: '2026-11-27' }, [{ productCode: 'P-TENTH', quantity: 1 }, { productCode: 'P-TENTH', quantity: 2 }]));
    expect(a.clear).toBe(true);
    expect(centreOf(a.details, 'TESTING')).toMatchObject({ requiredHours: 0.3, availableHours: 0.3, shortHours: 0 });
    expect(formatHours(12_345)).toBe('1.2345');
    expect(formatHours(-50_000)).toBe('-5');
  });

  it("R3.3 other plans' hours on the window's days are netted (the ledger), days outside it are not, and holders are named", () => {
    const committed = [
      ...load('MACHINING', '2026-11-30', 5, 15, ['SO-2026-000101']), // 75 h inside the window 2026-11-26 .. 2026-12-05
      ...load('MACHINING', '2026-12-06', 10, 16, ['SO-2026-000102']), // from the delivery day on: not netted
      ...load('MACHINING', '2026-11-20', 3, 16, ['SO-2026-000103']), // days before today: hold nothing
      ...load('TESTING', '2026-11-27', 2, 0.2, ['SO-2026-000104']), // a centre this order does not use
    ];
    const a = assess(reviewOrder({ deliveryDate: '2026-12-06' }, [{ productCode: 'P-100', quantity: 500 }]), { committed });
    // MACHINING: 100 h needed, 160 - 75 = 85 h free -> 15 h short.
    expect(centreOf(a.details, 'MACHINING')).toEqual({
      workCentre: 'MACHINING',
      requiredHours: 100,
      availableHours: 160,
      committedHours: 75,
      freeHours: 85,
      shortHours: 15,
      committedOrders: ['SO-2026-000101'],
    });
    expect(a.reasons).toContain(
      'MACHINING: 100 h needed but only 85 h free between 2026-11-26 and 2026-12-05 (160 h available; 75 h committed to 1 other order): 15 h short',
    );
    expect(a.proposals).toContain("or adjust the plan: other orders' plans hold 75 h of MACHINING before 2026-12-06 (SO-2026-000101)");
    // 85 h free up to 2026-12-05; the other plan holds all of 2026-12-06 .. 2026-12-15; 2026-12-16 adds the 15 h missing.
    expect(a.details.earliestFeasibleDate).toBe('2026-12-17');
  });

  it('R3.3 the earliest date counts the load of every day up to it, not only up to the requested one', () => {
    // 300 h of MACHINING needed; another plan holds 240 h over 2026-11-26 .. 2026-12-10 (16 h a day for 15 days):
    // free hours start on 2026-12-11, and 300 h more take 19 days (304 h) -> feasible for delivery on 2026-12-30.
    const committed = load('MACHINING', TODAY, 15, 16, ['SO-2026-000201']);
    const a = assess(reviewOrder({ deliveryDate: '2026-12-06' }, [{ productCode: 'P-200', quantity: 200 }]), {
      committed,
      workCentres: [centre('MACHINING', 16), centre('ASSEMBLY', 80)],
    });
    expect(centreOf(a.details, 'MACHINING')).toMatchObject({ committedHours: 160, shortHours: 300 });
    expect(a.details.earliestFeasibleDate).toBe('2026-12-30');
  });

  it('R3.3 free-text lines have unknown hours: not clear, and said so, while catalog lines are still checked', () => {
    const a = assess(
      reviewOrder({ deliveryDate: '2026-12-06' }, [{}, { productCode: null, productName: 'Custom bracket', specification: '304 steel 2 mm', quantity: 40 }]),
    );
    expect(a.clear).toBe(false);
    expect(a.reasons).toContain('line 2 (Custom bracket, 304 steel 2 mm) is not a catalog product: its hours are unknown');
    expect(a.proposals).toContain('production planning to estimate the hours of line 2 (Custom bracket, 304 steel 2 mm) once engineering has defined it');
    expect(a.summary).toBe('hours unknown for line 2');
    expect(centreOf(a.details, 'MACHINING')).toMatchObject({ requiredHours: 20, shortHours: 0 });
  });

  it('R3.3 no delivery date is not clear, and proposes the earliest date the load allows', () => {
    const a = assess(reviewOrder({ deliveryDate: null }, [{ productCode: 'P-200', quantity: 200 }]));
    expect(a.clear).toBe(false);
    expect(a.reasons[0]).toBe('no delivery date requested: capacity cannot be checked against a date');
    expect(a.details.earliestFeasibleDate).toBe('2026-12-15');
    expect(a.proposals).toEqual(['sales to agree a delivery date with the customer: at the current load the catalog lines can be delivered from 2026-12-15']);
  });

  it('R3.3 a delivery date not after today leaves no production days', () => {
    const a = assess(reviewOrder({ deliveryDate: TODAY }, [{ productCode: 'P-100', quantity: 10 }]));
    expect(a.clear).toBe(false);
    expect(a.reasons[0]).toBe('the delivery date 2026-11-26 is not after today (2026-11-26): no production days are left');
    expect(a.details.earliestFeasibleDate).toBe('2026-11-27');
  });

  it('R3.3 a work centre the catalog names but the plant does not have is not clear and has no feasible date', () => {
    const a = assess(reviewOrder({ deliveryDate: '2026-12-06' }, [{ productCode: 'P-LASER', quantity: 1 }]));
    expect(a.clear).toBe(false);
    expect(a.reasons).toEqual(['work centre LASER in the catalog\'s capacity use is not on file: no capacity known']);
    expect(a.details.earliestFeasibleDate).toBeNull();
  });

  it('R3.3 a centre with no hours at all gets no feasible date within the horizon', () => {
    const a = assess(reviewOrder({ deliveryDate: '2026-12-06' }, [{ productCode: 'P-100', quantity: 1 }]), {
      workCentres: [centre('MACHINING', 0), centre('ASSEMBLY', 8)],
      horizonDays: 30,
    });
    expect(a.clear).toBe(false);
    expect(a.proposals[0]).toBe('no feasible delivery date within 30 days after 2026-12-06 at the current calendar and load: capacity must be added');
  });
});
