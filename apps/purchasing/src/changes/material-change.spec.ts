import type { ComputedRequirement } from '../requirements/requirements-rules';
import { adjustmentFigures, feeOn, materialChangeImpact } from './material-change';

const req = (materialCode: string, required: bigint, reserved: bigint, standardUnitCost = '10.00'): ComputedRequirement => ({
  materialCode,
  unit: 'kg',
  lines: [1],
  required,
  reserved,
  toPurchase: required - reserved,
  neededBy: null,
  latestOrderDate: null,
  supplierId: 'S-1',
  standardUnitCost,
  currency: 'CNY',
});

describe('purchasing impact of a change (R8.2, R8.3)', () => {
  it('R8.2 more needed: free stock first, the rest bought at the standard cost', () => {
    const impact = materialChangeImpact([req('STEEL', 10_000n, 4_000n)], [req('STEEL', 15_000n, 6_000n)], []);
    expect(impact.adjustments).toEqual([expect.objectContaining({ materialCode: 'STEEL', requiredBefore: 10_000n, requiredAfter: 15_000n, fromStock: 2_000n, toBuy: 3_000n, buyCost: 3000n })]);
    expect(impact.buyCost).toBe(3000n);
    expect(adjustmentFigures(impact)).toMatchObject({ buyCost: '30.00', materials: [{ toBuy: '3', fromStock: '2' }] });
  });

  it("R8.2 less needed: stock reservation given back, then what is not contracted dropped, then drafts free, then signed contracts under their restocking fee", () => {
    const before = [req('STEEL', 100_000n, 10_000n)]; // 90 to purchase
    const contracts = [
      { number: 'PC-2', status: 'SIGNED' as const, restockingFeePercent: '15.00', lines: [{ materialCode: 'STEEL', quantity: '40.000', unitPrice: '10.00' }] },
      { number: 'PC-1', status: 'DRAFT' as const, restockingFeePercent: '20.00', lines: [{ materialCode: 'STEEL', quantity: '30.000', unitPrice: '10.00' }] },
      { number: 'PC-0', status: 'RECEIVED' as const, restockingFeePercent: '10.00', lines: [{ materialCode: 'STEEL', quantity: '5.000', unitPrice: '10.00' }] },
    ];
    // 100 -> 15: 85 less = 10 reservation + 20 not contracted (90 - 70) + 30 draft + 25 of the signed one.
    const impact = materialChangeImpact(before, [req('STEEL', 15_000n, 10_000n)], contracts);
    const [adj] = impact.adjustments;
    expect(adj.releaseStock).toBe(10_000n);
    expect(adj.dropUncontracted).toBe(20_000n);
    expect(adj.cancelFromContracts).toEqual([
      { contract: 'PC-1', quantity: 30_000n, fee: 0n },
      { contract: 'PC-2', quantity: 25_000n, fee: 3750n }, // 15 % of 250.00
    ]);
    expect(impact.cancellationFees).toBe(3750n);
  });

  it('R8.2 an unchanged material is no adjustment; a fee is half up to the cent, none without terms', () => {
    expect(materialChangeImpact([req('STEEL', 1_000n, 0n)], [req('STEEL', 1_000n, 0n)], []).adjustments).toEqual([]);
    expect(feeOn(333n, '10.00')).toBe(33n);
    expect(feeOn(335n, '10.00')).toBe(34n);
    expect(feeOn(1000n, null)).toBe(0n);
  });
});
