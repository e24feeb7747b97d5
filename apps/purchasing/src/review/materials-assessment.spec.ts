import { reviewOrder } from '@opm/testing';
import { DEMO_BOMS, DEMO_STOCK, DEMO_SUPPLIERS } from '../demo/demo-materials';
import { formatQuantity, toMicro } from './decimal-quantity';
import { BomForReview, MaterialOffer, materialsAssessment, MaterialsInput, MaterialView, PurchasingProduct, StockForReview } from './materials-assessment';

const TODAY = '2026-11-26';

const products = new Map<string, PurchasingProduct>(
  [
    { code: 'P-100', name: 'Steel flange DN100', bomRef: 'BOM-P-100', leadTimeDays: 30 },
    { code: 'P-300', name: 'Hydraulic valve HV-16', bomRef: 'BOM-P-300', leadTimeDays: 60 },
    { code: 'P-400', name: 'Precision shaft S-12', bomRef: 'BOM-P-400', leadTimeDays: null },
    { code: 'P-500', name: 'Bare casting', bomRef: null, leadTimeDays: 10 },
    { code: 'P-600', name: 'Washer set', bomRef: 'BOM-P-600', leadTimeDays: 5 },
    { code: 'P-700', name: 'Mystery part', bomRef: 'BOM-MISSING', leadTimeDays: 5 },
  ].map((p) => [p.code, p]),
);
const boms = new Map<string, BomForReview>([
  ...DEMO_BOMS.map((b): [string, BomForReview] => [b.bomRef, b]),
  ['BOM-P-600', { bomRef: 'BOM-P-600', lines: [{ material: 'WASHER-TENTH', quantityPerUnit: 0.1 }, { material: 'UNOBTAINIUM', quantityPerUnit: 1 }] }],
]);
const stock = new Map<string, StockForReview>([
  ...DEMO_STOCK.map((s): [string, StockForReview] => [s.material, { onHand: s.onHand, unit: s.unit }]),
  ['WASHER-TENTH', { onHand: '0.300', unit: 'kg' }],
]);
const offers = new Map<string, MaterialOffer[]>();
for (const s of DEMO_SUPPLIERS.filter((x) => x.active)) {
  for (const m of s.materials) {
    offers.set(m.material, [...(offers.get(m.material) ?? []), { supplier: s.code, name: s.name, rating: s.rating, leadTimeDays: m.leadTimeDays, unitPrice: m.unitPrice, currency: m.currency }]);
  }
}

function assess(order: MaterialsInput['order'], overrides: Partial<MaterialsInput> = {}) {
  return materialsAssessment({ order, products, boms, stock, offers, today: TODAY, bufferDays: 7, ...overrides });
}
const material = (details: Record<string, unknown>, code: string) => (details.materials as MaterialView[]).find((m) => m.material === code);

describe(materialsAssessment.name, () => {
  it('R3.5 materials covered by stock on hand are clear without any purchase', () => {
    const a = assess(reviewOrder({}, [{ productCode: 'P-100', quantity: 100 }]));
    expect(a.clear).toBe(true);
    expect(a.summary).toBe('all materials on hand');
    expect(a.reasons).toEqual([
      'BOLT-M16: 800 pcs needed for line 1, 5000 pcs free in stock: no purchase needed',
      'STEEL-PLATE-10: 80 kg needed for line 1, 400 kg free in stock: no purchase needed',
    ]);
    expect(material(a.details, 'STEEL-PLATE-10')).toMatchObject({ required: '80', onHand: '400', toBuy: '0', suppliers: [], latestOrderDate: null, risks: [] });
  });

  it('R3.5 a shortfall bought in time from two suppliers is clear, with the latest order date per supplier', () => {
    // 600 x 0.8 kg = 480 kg, 400 on hand: buy 80 kg; 2027-03-01 - 30 days of production - 14 days (Baosteel) = 2027-01-16.
    const a = assess(reviewOrder({}, [{ productCode: 'P-100', quantity: 600 }]));
    expect(a.clear).toBe(true);
    expect(a.summary).toBe('materials available in time: buy STEEL-PLATE-10');
    const plate = material(a.details, 'STEEL-PLATE-10');
    expect(plate).toMatchObject({ required: '480', onHand: '400', toBuy: '80', productionDays: 30, latestOrderDate: '2027-01-16', risks: [] });
    expect(plate?.suppliers.map((s) => [s.supplier, s.leadTimeDays, s.latestOrderDate, s.inTime])).toEqual([
      ['SUP-BAOSTEEL', 14, '2027-01-16', true],
      ['SUP-JIANGSU-STEEL', 21, '2027-01-09', true],
    ]);
    expect(a.reasons).toContain(
      'STEEL-PLATE-10: 480 kg needed for line 1, 400 kg free in stock: buy 80 kg from Baosteel Trading (Shanghai) 14 days, Jiangsu Special Steel Co. 21 days; order by 2027-01-16 at the latest',
    );
  });

  it('R3.5 a single-source material too slow for the date is LATE: not clear, with expedite, alternative and later-date proposals', () => {
    // 5 x P-300: 5 solenoids to buy (none on hand); 2027-03-01 - 60 - 75 = 2026-10-17, 40 days before today.
    const a = assess(reviewOrder({}, [{ productCode: 'P-300', quantity: 5 }]));
    expect(a.clear).toBe(false);
    expect(material(a.details, 'SOLENOID-24V')).toMatchObject({ toBuy: '5', latestOrderDate: '2026-10-17', risks: ['LATE', 'SINGLE_SOURCE'] });
    expect(a.reasons).toContain(
      "SOLENOID-24V: 5 pcs needed for line 1, 0 pcs free in stock: buy 5 pcs; the fastest supplier (Tianjin Electromagnetics, 75 days) had to be ordered by 2026-10-17, 40 days ago, for production's 60 days before delivery on 2027-03-01",
    );
    expect(a.reasons).toContain('SOLENOID-24V has a single active supplier (Tianjin Electromagnetics): a supply risk');
    expect(a.proposals).toEqual([
      'expedite SOLENOID-24V: ask Tianjin Electromagnetics to deliver within 35 days instead of 75',
      'or buy SOLENOID-24V from an alternative supplier able to deliver within 35 days (on file: Tianjin Electromagnetics 75 days)',
      'qualify a second supplier for SOLENOID-24V, or order it early and keep safety stock',
      'or a later delivery date: 2027-04-10 or after, when materials ordered today arrive in time for production',
    ]);
    expect(a.summary).toBe('late: SOLENOID-24V (order by 2026-10-17); single source: SOLENOID-24V');
  });

  it('R3.5 single source alone does not make the assessment unclear, but is reported with a countermeasure', () => {
    const a = assess(reviewOrder({ deliveryDate: '2027-06-30' }, [{ productCode: 'P-300', quantity: 5 }]));
    expect(a.clear).toBe(true);
    expect(material(a.details, 'SOLENOID-24V')?.risks).toEqual(['SINGLE_SOURCE']);
    expect(a.proposals).toEqual(['qualify a second supplier for SOLENOID-24V, or order it early (well before 2027-02-15) and keep safety stock']);
    expect(a.summary).toBe('materials available in time: buy SOLENOID-24V; single source: SOLENOID-24V');
  });

  it('R3.5 ordering today is the boundary: a latest order date of today is in time, yesterday is late (buffer without a catalog lead time)', () => {
    // 600 x P-400: 300 kg of bar, 250 on hand; P-400's lead time unknown -> 7 buffer days; Baosteel 10 days.
    const onTime = assess(reviewOrder({ deliveryDate: '2026-12-13' }, [{ productCode: 'P-400', quantity: 600 }]));
    expect(onTime.clear).toBe(true);
    expect(material(onTime.details, 'STEEL-BAR-40')).toMatchObject({ toBuy: '50', productionDays: 7, latestOrderDate: TODAY });
    const late = assess(reviewOrder({ deliveryDate: '2026-12-12' }, [{ productCode: 'P-400', quantity: 600 }]));
    expect(late.clear).toBe(false);
    expect(material(late.details, 'STEEL-BAR-40')).toMatchObject({ latestOrderDate: '2026-11-25', risks: ['LATE'] });
    expect(late.details.earliestDelivery).toBe('2026-12-13');
  });

  it('R3.5 quantities are exact decimals: 3 x 0.1 kg is covered by 0.3 kg on hand', () => {
    const a = assess(reviewOrder({}, [{ productCode: 'P-600', quantity: 3 }]));
    expect(material(a.details, 'WASHER-TENTH')).toMatchObject({ required: '0.3', onHand: '0.3', toBuy: '0' });
    expect(formatQuantity(toMicro('12.5000004'))).toBe('12.5');
    expect(formatQuantity(toMicro('0.0000005'))).toBe('0.000001');
  });

  it('R3.5 a material to buy that no active supplier supplies is not clear', () => {
    const a = assess(reviewOrder({}, [{ productCode: 'P-600', quantity: 3 }]));
    expect(a.clear).toBe(false);
    expect(material(a.details, 'UNOBTAINIUM')?.risks).toEqual(['NO_SUPPLIER']);
    expect(a.proposals).toContain('purchasing to find and qualify a supplier of UNOBTAINIUM (none active on file)');
  });

  it('R3.5 the same material on two lines is summed and must be in for the longer production lead time', () => {
    const a = assess(reviewOrder({}, [{ productCode: 'P-100', quantity: 300 }, { productCode: 'P-100', quantity: 300 }]));
    expect(material(a.details, 'STEEL-PLATE-10')).toMatchObject({ lines: [1, 2], required: '480', toBuy: '80' });
  });

  it('R3.5 lines without a bill of materials are not clear: free text, unknown product, no bomRef, bill not on file', () => {
    const a = assess(
      reviewOrder({}, [
        { productCode: null, productName: 'Custom bracket', specification: '304 steel 2 mm' },
        { productCode: 'P-999' },
        { productCode: 'P-500' },
        { productCode: 'P-700' },
      ]),
    );
    expect(a.clear).toBe(false);
    expect(a.reasons).toEqual([
      'line 1 (Custom bracket, 304 steel 2 mm) is not a catalog product: its materials are unknown until engineering defines a bill of materials',
      "line 2 (P-999): P-999 is not in purchasing's copy of the catalog, so its materials are unknown",
      'line 3 (P-500 Bare casting): P-500 has no bill of materials in the catalog',
      'line 4 (P-700 Mystery part): bill of materials BOM-MISSING is not on file in purchasing',
    ]);
    expect(a.summary).toBe('materials unknown for lines 1, 2, 3, 4');
  });

  it('R3.5 without a delivery date the latest order dates are unknown: not clear', () => {
    const a = assess(reviewOrder({ deliveryDate: null }, [{ productCode: 'P-100', quantity: 600 }]));
    expect(a.clear).toBe(false);
    expect(material(a.details, 'STEEL-PLATE-10')).toMatchObject({ toBuy: '80', latestOrderDate: null });
    expect(a.proposals).toEqual(['sales to agree a delivery date with the customer: the latest order dates depend on it']);
  });
});
