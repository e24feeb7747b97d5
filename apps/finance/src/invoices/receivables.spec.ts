import { invoiceBalance, paymentRefusal, receivablesOf } from './receivables';

describe('invoiceBalance', () => {
  it('R7.2 outstanding is the amount less the payments; OPEN, PARTIALLY_PAID, PAID follow from it', () => {
    expect(invoiceBalance('1250.00', [])).toEqual({ paid: '0.00', outstanding: '1250.00', status: 'OPEN' });
    expect(invoiceBalance('1250.00', ['500.00'])).toEqual({ paid: '500.00', outstanding: '750.00', status: 'PARTIALLY_PAID' });
    expect(invoiceBalance('1250.00', ['500.00', '750'])).toEqual({ paid: '1250.00', outstanding: '0.00', status: 'PAID' });
  });

  it('N3 R7.2 exact to the cent where floats are not', () => {
    expect(invoiceBalance('0.30', ['0.10', '0.10'])).toEqual({ paid: '0.20', outstanding: '0.10', status: 'PARTIALLY_PAID' });
    expect(invoiceBalance('0.30', ['0.10', '0.20']).status).toBe('PAID');
    expect(invoiceBalance('90071992547409.93', ['0.01']).outstanding).toBe('90071992547409.92');
  });

  it('R7.2 payments above the amount are a broken invariant, not a balance', () => {
    expect(() => invoiceBalance('10.00', ['10.01'])).toThrow(/exceed/);
  });
});

describe('paymentRefusal', () => {
  it('R7.2 up to the outstanding amount is accepted; a cent more is refused, and so is nothing', () => {
    expect(paymentRefusal('750.00', '750.00')).toBeNull();
    expect(paymentRefusal('0.01', '750.00')).toBeNull();
    expect(paymentRefusal('750.01', '750.00')).toContain('more than the 750.00 outstanding');
    expect(paymentRefusal('0.01', '0.00')).toContain('more than the 0.00 outstanding');
    expect(paymentRefusal('0.00', '750.00')).toContain('more than 0.00');
  });
});

describe('receivablesOf', () => {
  const today = '2027-04-10';
  it('R2.4 R7.3 open is the outstanding of unpaid invoices; overdue the part past its due date (due today is not overdue)', () => {
    expect(
      receivablesOf(
        [
          { amount: '1250.00', paid: '500.00', dueDate: '2027-04-09', status: 'PARTIALLY_PAID' },
          { amount: '300.10', paid: '0', dueDate: '2027-04-10', status: 'OPEN' },
          { amount: '99.99', paid: '0.00', dueDate: '2027-05-01', status: 'DISPUTED' },
        ],
        today,
      ),
    ).toEqual({ openInvoiceAmount: '1150.09', overdueAmount: '750.00' });
  });

  it('R2.4 paid and void invoices owe nothing, however old', () => {
    expect(receivablesOf([{ amount: '10.00', paid: '10.00', dueDate: '2020-01-01', status: 'PAID' }, { amount: '5.00', paid: '0', dueDate: '2020-01-01', status: 'VOID' }], today)).toEqual({
      openInvoiceAmount: '0.00',
      overdueAmount: '0.00',
    });
    expect(receivablesOf([], today)).toEqual({ openInvoiceAmount: '0.00', overdueAmount: '0.00' });
  });
});
