import { computeRequirements, freeQuantity, type RequirementsInput, reservable } from './requirements-rules';

const base = (overrides: Partial<RequirementsInput> = {}): RequirementsInput => ({
  lines: [{ lineNo: 1, productCode: 'P-100', quantity: 600 }],
  products: new Map([
    ['P-100', { bomRef: 'BOM-P-100', leadTimeDays: 30 }],
    ['P-400', { bomRef: 'BOM-P-400', leadTimeDays: null }],
    ['P-500', { bomRef: null, leadTimeDays: 10 }],
  ]),
  boms: new Map([
    ['BOM-P-100', { lines: [{ material: 'STEEL-PLATE-10', quantityPerUnit: 0.8 }, { material: 'BOLT-M16', quantityPerUnit: 8 }] }],
    ['BOM-P-400', { lines: [{ material: 'STEEL-PLATE-10', quantityPerUnit: '0.0125' }] }],
  ]),
  stock: new Map([
    ['STEEL-PLATE-10', { unit: 'kg', free: 400_000n }],
    ['BOLT-M16', { unit: 'pcs', free: 5_000_000n }],
  ]),
  offers: new Map([
    [
      'STEEL-PLATE-10',
      [
        { supplier: 'SUP-JIANGSU-STEEL', leadTimeDays: 21, unitPrice: '5.90', currency: 'CNY' },
        { supplier: 'SUP-BAOSTEEL', leadTimeDays: 14, unitPrice: '6.20', currency: 'CNY' },
      ],
    ],
  ]),
  deliveryDate: '2027-03-01',
  bufferDays: 7,
  ...overrides,
});

describe(computeRequirements.name, () => {
  it('R5.2 requirement = bill of materials x ordered quantity, net of free stock, which is reserved up to the need', () => {
    const { requirements, unresolvedLines } = computeRequirements(base());
    expect(unresolvedLines).toEqual([]);
    const plate = requirements.find((r) => r.materialCode === 'STEEL-PLATE-10');
    // 600 x 0.8 kg = 480 kg; 400 kg free: 400 reserved, 80 to purchase.
    expect(plate).toMatchObject({ unit: 'kg', lines: [1], required: 480_000n, reserved: 400_000n, toPurchase: 80_000n });
    // 4800 bolts, 5000 free: all reserved, nothing to purchase.
    expect(requirements.find((r) => r.materialCode === 'BOLT-M16')).toMatchObject({ required: 4_800_000n, reserved: 4_800_000n, toPurchase: 0n });
  });

  it('R5.2 latest order date = delivery date - production days (catalog lead time) - the quickest supplier; standard cost the lowest price', () => {
    const plate = computeRequirements(base()).requirements.find((r) => r.materialCode === 'STEEL-PLATE-10');
    // 2027-03-01 - 30 days = 2027-01-30 needed by; - 14 days (Baosteel, quicker than Jiangsu's 21) = 2027-01-16.
    expect(plate).toMatchObject({ neededBy: '2027-01-30', latestOrderDate: '2027-01-16', supplierId: 'SUP-BAOSTEEL', standardUnitCost: '5.90', currency: 'CNY' });
    // Without a supplier there is no latest order date; without a delivery date neither date is known.
    expect(computeRequirements(base()).requirements.find((r) => r.materialCode === 'BOLT-M16')).toMatchObject({ neededBy: '2027-01-30', latestOrderDate: null, supplierId: null, standardUnitCost: null });
    expect(computeRequirements(base({ deliveryDate: null })).requirements[1]).toMatchObject({ materialCode: 'STEEL-PLATE-10', neededBy: null, latestOrderDate: null });
  });

  it('R5.2 needs of one material add up over lines, the longest production days (buffer when unknown) set the date, and quantities round up to the thousandth', () => {
    const { requirements, unresolvedLines } = computeRequirements(
      base({
        lines: [
          { lineNo: 1, productCode: 'P-400', quantity: 3 },
          { lineNo: 2, productCode: 'P-500', quantity: 5 },
          { lineNo: 3, productCode: null, quantity: 1 },
        ],
        stock: new Map([['STEEL-PLATE-10', { unit: 'kg', free: 0n }]]),
      }),
    );
    // 3 x 0.0125 kg = 0.0375 kg -> 0.038 kg; buffer 7 days: 2027-02-22 - 14 days.
    expect(requirements).toEqual([expect.objectContaining({ materialCode: 'STEEL-PLATE-10', lines: [1], required: 38n, reserved: 0n, toPurchase: 38n, neededBy: '2027-02-22', latestOrderDate: '2027-02-08' })]);
    expect(unresolvedLines).toEqual([2, 3]);
    const both = computeRequirements(base({ lines: [{ lineNo: 1, productCode: 'P-400', quantity: 80 }, { lineNo: 2, productCode: 'P-100', quantity: 10 }] }));
    // 80 x 0.0125 + 10 x 0.8 = 9 kg; the longest production days (P-100's 30) set the date.
    expect(both.requirements.find((r) => r.materialCode === 'STEEL-PLATE-10')).toMatchObject({ lines: [1, 2], required: 9_000n, neededBy: '2027-01-30' });
  });

  it('R5.2 free stock is on hand minus other orders\' reservations, never negative; the reservation is the free stock up to the need', () => {
    expect(freeQuantity(400_000n, 360_000n)).toBe(40_000n);
    expect(freeQuantity(400_000n, 450_000n)).toBe(0n);
    expect(reservable(80_000n, 40_000n)).toBe(40_000n);
    expect(reservable(80_000n, 400_000n)).toBe(80_000n);
    // A second order after a first reserved 360 kg of 400: only the 40 kg left count.
    const second = computeRequirements(base({ lines: [{ lineNo: 1, productCode: 'P-100', quantity: 100 }], stock: new Map([['STEEL-PLATE-10', { unit: 'kg', free: freeQuantity(400_000n, 360_000n) }]]) }));
    expect(second.requirements.find((r) => r.materialCode === 'STEEL-PLATE-10')).toMatchObject({ required: 80_000n, reserved: 40_000n, toPurchase: 40_000n });
  });
});
