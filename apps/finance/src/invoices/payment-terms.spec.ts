import { dueDateFor, parsePaymentTerms } from './payment-terms';

const due = (terms: string, issued = '2027-03-10') => {
  const parsed = parsePaymentTerms(terms);
  return parsed && dueDateFor(parsed, issued);
};

describe('parsePaymentTerms', () => {
  it('R7.1 net terms in their common spellings give the days after the invoice', () => {
    for (const t of ['30 days net', 'Net 30', 'net 30 days', 'NET30', 'n30', '30 days', '30 days after invoice', 'within 30 days of invoice date', 'payment within 30 days', '30 Days Net.', '30天', '账期30天']) {
      expect({ t, due: due(t) }).toEqual({ t, due: '2027-04-09' });
    }
    expect(due('net 60')).toBe('2027-05-09');
    expect(parsePaymentTerms('30 days net')).toEqual({ days: 30, endOfMonth: false, advancePercent: null });
  });

  it('R7.1 payment on receipt or delivery is due on the issue date', () => {
    for (const t of ['due on receipt', 'payment on delivery', 'Cash on delivery', 'COD', 'immediate', '货到付款', '见票即付']) {
      expect({ t, due: due(t) }).toEqual({ t, due: '2027-03-10' });
    }
  });

  it('R7.1 end-of-month terms count from the last day of the invoice month, leap years included', () => {
    expect(due('30 days end of month')).toBe('2027-04-30');
    expect(due('net 30 EOM', '2028-02-03')).toBe('2028-03-30');
    expect(due('EOM 15', '2027-12-31')).toBe('2028-01-15');
    expect(due('月结30天', '2027-01-15')).toBe('2027-03-02');
  });

  it('R7.1 an advance with the balance on terms: the invoice is due when the balance is', () => {
    expect(parsePaymentTerms('50% advance, balance 60 days')).toEqual({ days: 60, endOfMonth: false, advancePercent: 50 });
    expect(due('50% advance, balance 60 days')).toBe('2027-05-09');
    expect(due('30% deposit; balance net 45')).toBe('2027-04-24');
    expect(due('40 % in advance, the rest within 30 days')).toBe('2027-04-09');
    expect(parsePaymentTerms('预付50%，余款60天')).toEqual({ days: 60, endOfMonth: false, advancePercent: 50 });
    expect(parsePaymentTerms('20% down payment, balance on delivery')).toEqual({ days: 0, endOfMonth: false, advancePercent: 20 });
  });

  it('R7.1 what cannot be read is null, so finance sets the due date itself', () => {
    for (const t of [null, '', '   ', 'as agreed', 'letter of credit at sight', 'net 400', '30 weeks', '100% advance, balance 30 days', '0% advance, balance 30 days', 'balance 60 days', '50% advance']) {
      expect({ t, parsed: parsePaymentTerms(t) }).toEqual({ t, parsed: null });
    }
  });
});
