import { invoiceNumber } from './invoice-number';

describe('invoiceNumber', () => {
  it('R7.2 numbers invoices INV-yyyy-nnnnnn and keeps counting past six digits', () => {
    expect(invoiceNumber(2027, 1)).toBe('INV-2027-000001');
    expect(invoiceNumber(2027, 1_234_567)).toBe('INV-2027-1234567');
  });

  it('R7.2 refuses a sequence value below 1 and a year that is not four digits', () => {
    expect(() => invoiceNumber(2027, 0)).toThrow(/starts at 1/);
    expect(() => invoiceNumber(27, 1)).toThrow(/four-digit year/);
  });
});
