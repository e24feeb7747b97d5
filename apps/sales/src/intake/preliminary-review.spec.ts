import { ReviewContext, ReviewedOrder, runPreliminaryReview } from './preliminary-review';

const order = (o: Partial<ReviewedOrder> = {}): ReviewedOrder => ({
  orderDate: '2026-11-26',
  deliveryDate: '2027-03-01',
  contactPerson: 'Li Wei',
  contactPhone: '+86 21 5555 0101',
  deliveryPlace: 'Pudong',
  paymentTerms: '30 days net',
  currency: 'CNY',
  totalAmount: '1000.00',
  lines: [{ lineNo: 1, productCode: 'P-100' }],
  ...o,
});

const ctx = (c: Partial<ReviewContext> = {}): ReviewContext => ({
  credit: { creditLimit: '10000.00', currency: 'CNY', openInvoiceAmount: '0.00', overdueAmount: '0.00' },
  otherOpenOrdersAmount: '0.00',
  catalog: new Map([
    ['P-100', { code: 'P-100', leadTimeDays: 30, active: true }],
    ['P-300', { code: 'P-300', leadTimeDays: 60, active: true }],
  ]),
  today: '2026-11-26',
  creditWaitOver: false,
  ...c,
});

const check = (r: ReturnType<typeof runPreliminaryReview>, name: string) => {
  const found = r.checks.find((c) => c.check === name);
  if (!found) throw new Error(`no ${name} check`);
  return found;
};

describe(runPreliminaryReview.name, () => {
  it('R2.4 all clear: every check passes and the order goes to department review', () => {
    const r = runPreliminaryReview(order(), ctx());
    expect(r.checks.map((c) => [c.check, c.result])).toEqual([
      ['COMPLETENESS', 'PASS'],
      ['CREDIT', 'PASS'],
      ['DELIVERY_DATE', 'PASS'],
    ]);
    expect(r.outcome).toBe('UNDER_REVIEW');
    expect(check(r, 'CREDIT').reasons[0]).toContain('9000.00 CNY left');
  });

  it('R2.4 R2.5 completeness fails naming each missing item, and the order waits for information', () => {
    const r = runPreliminaryReview(order({ contactPhone: null, paymentTerms: '  ', deliveryPlace: null }), ctx());
    expect(check(r, 'COMPLETENESS')).toEqual({ check: 'COMPLETENESS', result: 'FAIL', reasons: ['contactPhone is missing', 'deliveryPlace is missing', 'paymentTerms is missing'] });
    expect(r.missing).toEqual(['contactPhone', 'deliveryPlace', 'paymentTerms']);
    expect(r.outcome).toBe('AWAITING_INFO');
  });

  it('R2.4 R2.6 credit fails on the limit counting open orders and invoices, on overdue debt, and without a limit', () => {
    const over = runPreliminaryReview(order({ totalAmount: '2000.01' }), ctx({ otherOpenOrdersAmount: '5000.00', credit: { creditLimit: '10000.00', currency: 'CNY', openInvoiceAmount: '3000.00', overdueAmount: '0.00' } }));
    expect(check(over, 'CREDIT').result).toBe('FAIL');
    expect(check(over, 'CREDIT').reasons).toEqual(['exposure 8000.00 + this order 2000.01 = 10000.01 exceeds the credit limit 10000.00 CNY']);
    expect(over.outcome).toBe('ESCALATED');
    const exact = runPreliminaryReview(order({ totalAmount: '2000.00' }), ctx({ otherOpenOrdersAmount: '5000.00', credit: { creditLimit: '10000.00', currency: 'CNY', openInvoiceAmount: '3000.00', overdueAmount: '0.00' } }));
    expect(check(exact, 'CREDIT').result).toBe('PASS');
    const overdue = runPreliminaryReview(order(), ctx({ credit: { creditLimit: '10000.00', currency: 'CNY', openInvoiceAmount: '0.00', overdueAmount: '0.01' } }));
    expect(check(overdue, 'CREDIT').reasons).toEqual(['overdue debt of 0.01 CNY']);
    const noLimit = runPreliminaryReview(order(), ctx({ credit: null, creditWaitOver: true }));
    expect(check(noLimit, 'CREDIT')).toEqual({ check: 'CREDIT', result: 'FAIL', reasons: ['finance has set no credit limit for this customer'] });
    expect(noLimit.outcome).toBe('ESCALATED');
  });

  it('R2.4 a credit standing sales does not know yet is pending, not poor credit: the order waits, nobody is escalated', () => {
    const unknown = runPreliminaryReview(order(), ctx({ credit: null }), new Date('2026-11-26T08:00:00Z'));
    expect(check(unknown, 'CREDIT')).toEqual({ check: 'CREDIT', result: 'PENDING', reasons: ["finance's credit account for this customer has not reached sales yet"] });
    expect(unknown.outcome).toBe('PENDING');
    expect(unknown.waitingSince).toBe('2026-11-26T08:00:00.000Z');
    const noLimitYet = runPreliminaryReview(
      order(),
      ctx({ credit: { creditLimit: null, currency: 'CNY', openInvoiceAmount: '0.00', overdueAmount: '0.00' }, waitingSince: '2026-11-26T07:00:00.000Z' }),
    );
    expect(check(noLimitYet, 'CREDIT').result).toBe('PENDING');
    expect(noLimitYet.waitingSince).toBe('2026-11-26T07:00:00.000Z');
    // A pending credit holds the order even when another check fails: management decides on the whole picture.
    const tightAndUnknown = runPreliminaryReview(order({ deliveryDate: '2026-12-01' }), ctx({ credit: null }));
    expect(check(tightAndUnknown, 'DELIVERY_DATE').result).toBe('FAIL');
    expect(tightAndUnknown.outcome).toBe('PENDING');
    // Missing information is asked for first, whatever else is pending.
    expect(runPreliminaryReview(order({ contactPhone: null }), ctx({ credit: null })).outcome).toBe('AWAITING_INFO');
    // Once known, the standing decides as usual and nothing waits any more.
    const known = runPreliminaryReview(order(), ctx({ waitingSince: '2026-11-26T07:00:00.000Z' }));
    expect(known.outcome).toBe('UNDER_REVIEW');
    expect(known.waitingSince).toBeNull();
  });

  it('R2.4 R2.6 the delivery date fails when a catalog lead time cannot be met, naming the earliest date', () => {
    const r = runPreliminaryReview(order({ deliveryDate: '2027-01-10', lines: [{ lineNo: 1, productCode: 'P-100' }, { lineNo: 2, productCode: 'P-300' }] }), ctx());
    expect(check(r, 'DELIVERY_DATE')).toEqual({
      check: 'DELIVERY_DATE',
      result: 'FAIL',
      reasons: ['line 2: P-300 needs 60 days; earliest delivery 2027-01-25, requested 2027-01-10'],
    });
    expect(r.outcome).toBe('ESCALATED');
    const unknown = runPreliminaryReview(order({ lines: [{ lineNo: 1, productCode: 'P-999' }] }), ctx());
    expect(check(unknown, 'DELIVERY_DATE').reasons).toEqual(['line 1: product P-999 is not in the catalog']);
  });

  it('R2.4 a free-text line passes the date check but is flagged for technical review', () => {
    const r = runPreliminaryReview(order({ lines: [{ lineNo: 1, productCode: 'P-100' }, { lineNo: 2, productCode: null }] }), ctx());
    expect(check(r, 'DELIVERY_DATE').result).toBe('PASS');
    expect(check(r, 'DELIVERY_DATE').reasons[1]).toContain('line 2: not a catalog product; technical review');
    expect(r.needsTechnicalReview).toEqual([2]);
  });
});
