import { reviewOrder } from '@opm/testing';
import { costAssessment, CostPolicy, FinanceProduct, LineCost } from './cost-assessment';

const policy: CostPolicy = { minMarginBp: 1500, overheadBp: 1500, labourBp: 2500 };
const products = new Map<string, FinanceProduct>(
  [
    { code: 'P-100', name: 'Steel flange DN100', standardCost: '8.40', currency: 'CNY' },
    { code: 'P-200', name: 'Gear housing GH-2', standardCost: '95.00', currency: 'CNY' },
    { code: 'P-85', name: 'Boundary part', standardCost: '85.00', currency: 'CNY' },
    { code: 'P-EUR', name: 'Imported part', standardCost: '10.00', currency: 'EUR' },
  ].map((p) => [p.code, p]),
);
const line = (productCode: string | null, quantity: number, unitPrice: string, amount: string) => ({ productCode, quantity, unitPrice, amount });

describe(costAssessment.name, () => {
  it('R3.6 a margin above the minimum is clear, with cost split into materials, labour and overhead to the cent', () => {
    const a = costAssessment(reviewOrder({}, [line('P-100', 100, '12.50', '1250.00')]), products, policy);
    expect(a.clear).toBe(true);
    expect(a.summary).toBe('margin 32.80% on an estimated cost of 840.00 CNY: at or above the 15.00% minimum');
    expect(a.details).toMatchObject({
      currency: 'CNY',
      cost: { materials: '504.00', labour: '210.00', overhead: '126.00', total: '840.00' },
      revenue: '1250.00',
      margin: '32.80',
      minimumMargin: '15.00',
    });
    expect((a.details.perLine as LineCost[])[0]).toEqual({
      lineNo: 1,
      productCode: 'P-100',
      quantity: 100,
      unitPrice: '12.50',
      revenue: '1250.00',
      unitCost: '8.40',
      cost: '840.00',
      margin: '32.80',
      minimumUnitPrice: '9.89',
    });
    expect(a.proposals).toEqual([]);
  });

  it('R3.6 a thin margin is not clear and proposes the price that reaches the minimum, per line and in total, or the cost cut', () => {
    // 10 x P-200 at 100.00 against 95.00: 5% margin. 950 / 0.85 = 1117.647... -> 1117.65; 95 / 0.85 -> 111.77.
    const a = costAssessment(reviewOrder({ totalAmount: '1000.00' }, [line('P-200', 10, '100.00', '1000.00')]), products, policy);
    expect(a.clear).toBe(false);
    expect(a.summary).toBe('margin 5.00% below the 15.00% minimum');
    expect(a.reasons).toEqual([
      'the order: revenue 1000.00 CNY, estimated cost 950.00 CNY at standard cost, margin 5.00% against a 15.00% minimum',
      'line 1 (P-200 Gear housing GH-2): margin 5.00% at 100.00 a unit against a standard cost of 95.00: below the 15.00% minimum',
    ]);
    expect(a.proposals).toEqual([
      'raise the price of the order from 1000.00 CNY to 1117.65 CNY (+117.65) to reach the 15.00% minimum margin',
      'or per line: raise the unit price of line 1 (P-200 Gear housing GH-2) from 100.00 to 111.77 CNY',
      'or cut the cost of the order by 100.00 CNY, from 950.00 CNY to at most 850.00 CNY (cost down with engineering and purchasing)',
    ]);
  });

  it('R3.6 a margin exactly at the minimum passes; one cent more cost fails', () => {
    const exact = costAssessment(reviewOrder({}, [line('P-85', 1, '100.00', '100.00')]), products, policy);
    expect(exact.clear).toBe(true);
    expect(exact.details.margin).toBe('15.00');
    const over = costAssessment(reviewOrder({}, [line('P-85', 1, '99.99', '99.99')]), products, policy);
    expect(over.clear).toBe(false);
    expect(over.details.margin).toBe('14.99');
    expect(over.proposals[0]).toBe('raise the price of the order from 99.99 CNY to 100.00 CNY (+0.01) to reach the 15.00% minimum margin');
  });

  it('R3.6 the order is judged on its total: a thin line carried by another passes, and is reported', () => {
    const a = costAssessment(reviewOrder({}, [line('P-100', 100, '12.50', '1250.00'), line('P-200', 1, '96.00', '96.00')]), products, policy);
    expect(a.clear).toBe(true);
    expect(a.reasons[1]).toBe('line 2 (P-200 Gear housing GH-2): margin 1.04% at 96.00 a unit against a standard cost of 95.00: below the 15.00% minimum');
  });

  it('R3.6 a free-text line has no standard cost: not clear, cost to be estimated by engineering; the catalog lines still shown', () => {
    const a = costAssessment(
      reviewOrder({}, [line('P-100', 100, '12.50', '1250.00'), { ...line(null, 40, '7.10', '284.00'), productName: 'Custom bracket', specification: '304 steel 2 mm' }]),
      products,
      policy,
    );
    expect(a.clear).toBe(false);
    expect(a.summary).toBe('no standard cost for line 2: cost to be estimated by engineering');
    expect(a.reasons).toEqual([
      'the catalog lines: revenue 1250.00 CNY, estimated cost 840.00 CNY at standard cost, margin 32.80% against a 15.00% minimum',
      'line 2 (Custom bracket, 304 steel 2 mm) is not a catalog product: no standard cost; cost to be estimated by engineering',
    ]);
    expect(a.proposals).toEqual(['engineering to estimate the cost of line 2 (Custom bracket, 304 steel 2 mm) (materials and hours) so finance can confirm the margin']);
    expect(a.details.uncostedLines).toEqual([2]);
  });

  it('R3.6 a standard cost in another currency or an unknown product cannot be compared: not clear', () => {
    const a = costAssessment(reviewOrder({}, [line('P-EUR', 1, '50.00', '50.00'), line('P-999', 1, '50.00', '50.00')]), products, policy);
    expect(a.clear).toBe(false);
    expect(a.reasons).toEqual([
      'line 1 (P-EUR Imported part): the standard cost of P-EUR is in EUR, the order in CNY: finance must convert it',
      "line 2 (P-999): P-999 is not in finance's copy of the catalog: no standard cost; cost to be estimated by engineering",
    ]);
  });

  it('N3 large amounts stay exact (beyond what a double holds)', () => {
    const big = new Map([['P-BIG', { code: 'P-BIG', name: null, standardCost: '900719925474.09', currency: 'CNY' }]]);
    const a = costAssessment(reviewOrder({}, [line('P-BIG', 10, '1000000000000.00', '10000000000000.00')]), big, policy);
    expect(a.details.cost).toMatchObject({ total: '9007199254740.90' });
    expect(a.details.margin).toBe('9.93');
  });
});
