import { buildSettlementList, settlementAllows, type OrderedLine } from './settlement-list';

const ordered: OrderedLine[] = [
  { lineNo: 2, productCode: null, productName: 'Custom bracket', specification: '304 steel, 2 mm', quantity: 40, unitPrice: '7.10' },
  { lineNo: 1, productCode: 'P-100', productName: null, specification: 'DN100 PN16', quantity: 100, unitPrice: '12.50' },
];

describe('buildSettlementList', () => {
  it('R7.1 R7.2 bills the delivered quantities, not the ordered ones, at the order prices, per line and in total', () => {
    const list = buildSettlementList(ordered, [{ lineNo: 1, quantity: 98 }, { lineNo: 2, quantity: 40 }], new Map([['P-100', 'Steel flange DN100']]));
    expect(list.lines).toEqual([
      { lineNo: 1, productName: 'P-100 Steel flange DN100', specification: 'DN100 PN16', quantityOrdered: 100, quantityDelivered: 98, unitPrice: '12.50', amount: '1225.00' },
      { lineNo: 2, productName: 'Custom bracket', specification: '304 steel, 2 mm', quantityOrdered: 40, quantityDelivered: 40, unitPrice: '7.10', amount: '284.00' },
    ]);
    expect(list.totalAmount).toBe('1509.00');
    expect(list.orderedAmount).toBe('1534.00');
    expect(list.differsFromOrder).toBe(true);
  });

  it('R7.1 a line nothing was delivered of stays on the list at 0.00, and a full delivery shows no difference', () => {
    const none = buildSettlementList(ordered, [{ lineNo: 1, quantity: 100 }]);
    expect(none.lines.find((l) => l.lineNo === 2)).toMatchObject({ quantityDelivered: 0, amount: '0.00' });
    expect(none.totalAmount).toBe('1250.00');
    expect(none.lines[0].productName).toBe('P-100');
    const all = buildSettlementList(ordered, [{ lineNo: 1, quantity: 100 }, { lineNo: 2, quantity: 40 }]);
    expect(all).toMatchObject({ totalAmount: '1534.00', orderedAmount: '1534.00', differsFromOrder: false });
  });

  it('N3 R7.2 amounts are exact where a float is not: 0.10 x 3 and a price x a large quantity', () => {
    const list = buildSettlementList(
      [
        { lineNo: 1, productCode: null, productName: 'washer', specification: null, quantity: 3, unitPrice: '0.10' },
        { lineNo: 2, productCode: null, productName: 'plate', specification: null, quantity: 100_000_000, unitPrice: '99999.99' },
      ],
      [{ lineNo: 1, quantity: 3 }, { lineNo: 2, quantity: 100_000_000 }],
    );
    expect(list.lines.map((l) => l.amount)).toEqual(['0.30', '9999999000000.00']);
    expect(list.totalAmount).toBe('9999999000000.30');
  });
});

describe('settlementAllows', () => {
  it('R7.2 a draft is redrawn or submitted; a submission is approved or rejected once; an approved list is final', () => {
    expect(settlementAllows('DRAFT', 'draft')).toBe(true);
    expect(settlementAllows('DRAFT', 'submit')).toBe(true);
    expect(settlementAllows('DRAFT', 'approve')).toBe(false);
    expect(settlementAllows('SUBMITTED', 'draft')).toBe(false);
    expect(settlementAllows('SUBMITTED', 'submit')).toBe(false);
    expect(settlementAllows('SUBMITTED', 'reject')).toBe(true);
    expect(settlementAllows('APPROVED', 'draft')).toBe(false);
    expect(settlementAllows('APPROVED', 'reject')).toBe(false);
  });
});
