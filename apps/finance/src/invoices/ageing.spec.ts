import { ageReceivables, bucketLabels } from './ageing';

const BOUNDS = [30, 60, 90];

describe('ageReceivables', () => {
  it('R7.3 buckets by days past the due date: due today or later CURRENT, 1-30, 31-60, 61-90, 90+, at their edges', () => {
    const asOf = '2027-06-30';
    const aged = ageReceivables(
      [
        { outstanding: '100.00', dueDate: '2027-06-30' }, // due today: CURRENT
        { outstanding: '1.00', dueDate: '2027-07-15' }, // CURRENT
        { outstanding: '200.00', dueDate: '2027-06-29' }, // 1 day
        { outstanding: '300.00', dueDate: '2027-05-31' }, // 30 days
        { outstanding: '400.00', dueDate: '2027-05-30' }, // 31 days
        { outstanding: '500.00', dueDate: '2027-05-01' }, // 60 days
        { outstanding: '600.00', dueDate: '2027-04-01' }, // 90 days
        { outstanding: '700.00', dueDate: '2027-03-31' }, // 91 days
      ],
      asOf,
      BOUNDS,
    );
    expect(aged.buckets).toEqual([
      { bucket: 'CURRENT', amount: '101.00', count: 2 },
      { bucket: '1-30', amount: '500.00', count: 2 },
      { bucket: '31-60', amount: '900.00', count: 2 },
      { bucket: '61-90', amount: '600.00', count: 1 },
      { bucket: '90+', amount: '700.00', count: 1 },
    ]);
    expect(aged.total).toBe('2801.00');
  });

  it('R7.3 a fixed clock moves one invoice through every bucket as the days pass', () => {
    const invoice = { outstanding: '1250.00', dueDate: '2027-04-02' };
    const bucketOn = (asOf: string) => ageReceivables([invoice], asOf, BOUNDS).buckets.find((b) => b.count === 1)?.bucket;
    expect(['2027-03-15', '2027-04-02', '2027-04-03', '2027-05-02', '2027-05-03', '2027-06-01', '2027-06-02', '2027-07-01', '2027-07-02', '2028-01-01'].map(bucketOn)).toEqual([
      'CURRENT',
      'CURRENT',
      '1-30',
      '1-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
      '90+',
    ]);
  });

  it('N3 R7.3 the buckets add up to the total exactly, where floats would drift; paid invoices and empty buckets are 0.00', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ outstanding: '0.10', dueDate: i % 2 ? '2027-01-01' : '2027-06-01' }));
    const aged = ageReceivables([...many, { outstanding: '0.00', dueDate: '2020-01-01' }], '2027-06-30', BOUNDS);
    expect(aged.total).toBe('100.00');
    expect(aged.buckets.map((b) => b.amount)).toEqual(['0.00', '50.00', '0.00', '0.00', '50.00']);
    expect(aged.buckets.reduce((n, b) => n + b.count, 0)).toBe(1000);
    expect(ageReceivables([], '2027-06-30', BOUNDS)).toEqual({ buckets: bucketLabels(BOUNDS).map((bucket) => ({ bucket, amount: '0.00', count: 0 })), total: '0.00' });
  });

  it('R7.3 the bounds are configurable and must ascend', () => {
    expect(bucketLabels([15, 45])).toEqual(['CURRENT', '1-15', '16-45', '45+']);
    expect(ageReceivables([{ outstanding: '5.00', dueDate: '2027-06-10' }], '2027-06-30', [15, 45]).buckets[2]).toEqual({ bucket: '16-45', amount: '5.00', count: 1 });
    expect(() => bucketLabels([60, 30])).toThrow(/ascending/);
    expect(() => bucketLabels([])).toThrow(/ascending/);
    expect(() => bucketLabels([0, 30])).toThrow(/ascending/);
  });
});
