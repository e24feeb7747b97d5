import { documentNumber } from './document-number';

describe('documentNumber', () => {
  it('R5.3 numbers inspection reports IR-yyyy-nnnnnn and nonconformances NC-yyyy-nnnnnn', () => {
    expect(documentNumber('INSPECTION_REPORT', 2026, 1)).toBe('IR-2026-000001');
    expect(documentNumber('NONCONFORMANCE', 2027, 42)).toBe('NC-2027-000042');
  });

  it('R5.3 keeps counting past six digits instead of wrapping', () => {
    expect(documentNumber('NONCONFORMANCE', 2026, 1_234_567)).toBe('NC-2026-1234567');
  });

  it('R5.3 refuses a sequence value below 1 and a year that is not four digits', () => {
    expect(() => documentNumber('INSPECTION_REPORT', 2026, 0)).toThrow(/starts at 1/);
    expect(() => documentNumber('INSPECTION_REPORT', 2026, 1.5)).toThrow(/starts at 1/);
    expect(() => documentNumber('INSPECTION_REPORT', 26, 1)).toThrow(/four-digit year/);
  });
});
