import { orderDateProblems } from './order-dates';

describe('order date window (issue 11 item 7)', () => {
  const today = '2026-12-01';
  const fields = (orderDate: string, deliveryDate?: string | null) => orderDateProblems({ orderDate, deliveryDate }, today).map((p) => p.field);

  it('I11.7 orderDate 1970-01-01 and 9999-12-31 are refused; up to a day ahead is accepted', () => {
    expect(fields('1970-01-01')).toEqual(['orderDate']);
    expect(fields('9999-12-31')).toEqual(['orderDate']);
    expect(fields('1999-12-31')).toEqual(['orderDate']);
    expect(fields('2026-12-03')).toEqual(['orderDate']);
    expect(fields('2000-01-01')).toEqual([]);
    expect(fields('2026-12-02')).toEqual([]);
    expect(fields('2026-11-26')).toEqual([]);
  });

  it('I11.7 deliveryDate in the past, before orderDate or absurdly far out is refused', () => {
    expect(fields('2026-11-26', '2026-11-30')).toEqual(['deliveryDate']);
    expect(fields('2026-12-01', '2026-11-30')).toEqual(['deliveryDate']);
    expect(fields('2026-12-01', '9999-12-31')).toEqual(['deliveryDate']);
    expect(orderDateProblems({ orderDate: '2026-11-26', deliveryDate: '2026-11-20' }, today)[0].message).toContain('before orderDate');
  });

  it('I11.7 a delivery date from today on, or none, is accepted', () => {
    expect(fields('2026-11-26', '2026-12-01')).toEqual([]);
    expect(fields('2026-11-26', '2027-03-01')).toEqual([]);
    expect(fields('2026-11-26', null)).toEqual([]);
    expect(fields('2026-11-26')).toEqual([]);
  });
});
