import { addShipped, deliveredOnTime, deliveryProgress, mergeTotals } from './delivery';

const ordered = [
  { lineNo: 1, quantity: 100 },
  { lineNo: 2, quantity: 40 },
];

describe('delivery', () => {
  it('R5.5 the order is fully delivered only once every ordered line\'s quantity is', () => {
    expect(deliveryProgress(ordered, [], [{ lineNo: 1, quantity: 100 }]).fullyDelivered).toBe(false);
    expect(deliveryProgress(ordered, [], [{ lineNo: 1, quantity: 100 }, { lineNo: 2, quantity: 39 }]).fullyDelivered).toBe(false);
    expect(deliveryProgress(ordered, [], [{ lineNo: 1, quantity: 100 }, { lineNo: 2, quantity: 40 }]).fullyDelivered).toBe(true);
    expect(deliveryProgress([], [], []).fullyDelivered).toBe(false);
  });

  it('R5.5 R1.4 per line: ordered, shipped, delivered and outstanding', () => {
    expect(deliveryProgress(ordered, [{ lineNo: 1, quantity: 100 }], [{ lineNo: 1, quantity: 60 }]).lines).toEqual([
      { lineNo: 1, ordered: 100, shipped: 100, delivered: 60, outstanding: 40 },
      { lineNo: 2, ordered: 40, shipped: 0, delivered: 0, outstanding: 40 },
    ]);
  });

  it('R5.5 partial deliveries add up: the delivered totals only grow, an older report lowers nothing', () => {
    const first = mergeTotals([], [{ lineNo: 1, quantity: 60 }, { lineNo: 2, quantity: 0 }]);
    const second = mergeTotals(first, [{ lineNo: 1, quantity: 100 }, { lineNo: 2, quantity: 40 }]);
    expect(second).toEqual([{ lineNo: 1, quantity: 100 }, { lineNo: 2, quantity: 40 }]);
    expect(mergeTotals(second, [{ lineNo: 1, quantity: 60 }, { lineNo: 2, quantity: 0 }])).toEqual(second);
  });

  it('R5.5 shipped quantities are the sum of the dispatched shipments', () => {
    expect(addShipped(addShipped([], [{ lineNo: 1, quantity: 60 }]), [{ lineNo: 1, quantity: 40 }, { lineNo: 2, quantity: 5 }])).toEqual([
      { lineNo: 1, quantity: 100 },
      { lineNo: 2, quantity: 5 },
    ]);
  });

  it('R1.4 on time when the actual delivery date is not after the promised one', () => {
    expect(deliveredOnTime('2027-03-01', new Date('2027-03-01T23:59:00Z'))).toBe(true);
    expect(deliveredOnTime('2027-03-01', new Date('2027-03-02T00:00:00Z'))).toBe(false);
    expect(deliveredOnTime(null, new Date())).toBeNull();
    expect(deliveredOnTime('2027-03-01', null)).toBeNull();
  });
});
