import { fromMilliUnits, materialAmount, toMilliUnits } from './purchasing';

describe('material quantities and amounts', () => {
  it('R5.2 keeps material quantities exact in thousandths', () => {
    expect(toMilliUnits('12.5')).toBe(12500n);
    expect(toMilliUnits('0.001')).toBe(1n);
    expect(fromMilliUnits(12500n)).toBe('12.5');
    expect(fromMilliUnits(3000n)).toBe('3');
    expect(() => toMilliUnits('1.0005')).toThrow('not a material quantity');
    expect(() => toMilliUnits('-1')).toThrow('not a material quantity');
  });

  it('R5.6 values a quantity at a unit price rounded half up to the cent, exactly', () => {
    expect(materialAmount('3', '0.10')).toBe('0.30');
    expect(materialAmount('2.5', '1.01')).toBe('2.53'); // 2.525 -> 2.53
    expect(materialAmount('0.333', '1.00')).toBe('0.33');
    expect(materialAmount('1000000', '99999.99')).toBe('99999990000.00');
  });
});
