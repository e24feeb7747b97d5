import { creditStanding, currencyChangeRefusal } from './credit-standing';

describe(creditStanding.name, () => {
  it('R2.4 exposure is open orders plus open invoices, available is the limit minus exposure, to the cent', () => {
    expect(creditStanding({ creditLimit: '50000.00', openOrderAmount: '1234.50', openInvoiceAmount: '0.10', overdueAmount: '0' })).toEqual({
      creditLimit: '50000.00',
      openOrderAmount: '1234.50',
      openInvoiceAmount: '0.10',
      overdueAmount: '0.00',
      exposure: '1234.60',
      available: '48765.40',
    });
  });

  it('N3 amounts a float would get wrong come out exact', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; 9007199254740993 is not a double at all.
    expect(creditStanding({ creditLimit: '0.30', openOrderAmount: '0.1', openInvoiceAmount: '0.2', overdueAmount: '0' })).toMatchObject({
      exposure: '0.30',
      available: '0.00',
    });
    expect(creditStanding({ creditLimit: '90071992547409.93', openOrderAmount: '0.01', openInvoiceAmount: '0', overdueAmount: '0' }).available).toBe(
      '90071992547409.92',
    );
  });

  it('R2.4 an exposure above the limit leaves a negative available amount', () => {
    expect(creditStanding({ creditLimit: '30000.00', openOrderAmount: '25000', openInvoiceAmount: '12500.00', overdueAmount: '12500.00' })).toMatchObject({
      exposure: '37500.00',
      available: '-7500.00',
      overdueAmount: '12500.00',
    });
  });

  it('R2.4 without a limit nothing is available to compute: available is null, exposure still shown', () => {
    expect(creditStanding({ creditLimit: null, openOrderAmount: '0', openInvoiceAmount: '0', overdueAmount: '0' })).toEqual({
      creditLimit: null,
      openOrderAmount: '0.00',
      openInvoiceAmount: '0.00',
      overdueAmount: '0.00',
      exposure: '0.00',
      available: null,
    });
  });
});

describe(currencyChangeRefusal.name, () => {
  const account = { currency: 'CNY', openInvoiceAmount: '0.00', overdueAmount: '0.00' };

  it('R2.4 the currency of a limit may change while nothing is invoiced', () => {
    expect(currencyChangeRefusal(account, 'USD')).toBeNull();
    expect(currencyChangeRefusal({ ...account, overdueAmount: '12500.00' }, 'CNY')).toBeNull();
  });

  it('R2.4 with open or overdue invoices in the old currency it may not, and says why', () => {
    expect(currencyChangeRefusal({ ...account, overdueAmount: '12500.00' }, 'USD')).toContain('overdue 12500.00');
    expect(currencyChangeRefusal({ ...account, openInvoiceAmount: '0.01' }, 'EUR')).toContain('cannot change to EUR');
  });
});
