import { percentile } from './stats';

describe(percentile.name, () => {
  it('takes the nearest rank', () => {
    const sample = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(sample, 50)).toBe(50);
    expect(percentile(sample, 99)).toBe(99);
    expect(percentile(sample, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(() => percentile([], 50)).toThrow('empty');
  });
});
