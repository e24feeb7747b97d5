import { fromMinorUnits, multiplyMoney, sumMoney, toMinorUnits } from './money';

describe('money', () => {
  it('N3 converts decimal strings to minor units and back without floats', () => {
    expect(toMinorUnits('12.5')).toBe(1250n);
    expect(toMinorUnits('-0.07')).toBe(-7n);
    expect(fromMinorUnits(1250n)).toBe('12.50');
    expect(fromMinorUnits(-7n)).toBe('-0.07');
    expect(() => toMinorUnits('1.005')).toThrow('not a money amount');
  });

  it('R2.2 multiplies and sums exactly where floating point would not', () => {
    expect(multiplyMoney('0.10', 3)).toBe('0.30'); // 0.1 * 3 = 0.30000000000000004 in floating point
    expect(multiplyMoney('99999999.99', 1_000_000)).toBe('99999999990000.00');
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney([])).toBe('0.00');
  });
});
