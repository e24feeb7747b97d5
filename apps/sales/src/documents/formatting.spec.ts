import { dash, formatDateTime, formatMoney, formatQuantity } from './formatting';

describe('formatting of the printed order', () => {
  it('formats money exactly with thousands separators', () => {
    expect(formatMoney('0')).toBe('0.00');
    expect(formatMoney('1234567.5')).toBe('1,234,567.50');
    expect(formatMoney('-1000.05')).toBe('-1,000.05');
    expect(formatMoney('999.99')).toBe('999.99');
  });

  it('groups quantities like amounts', () => {
    expect(formatQuantity(1500)).toBe('1,500');
    expect(formatQuantity(40)).toBe('40');
  });

  it('keeps a calendar date as it is and writes a timestamp in the configured zone, named', () => {
    expect(formatDateTime('2027-01-15', 'Asia/Shanghai')).toBe('2027-01-15');
    expect(formatDateTime('2026-11-26T01:20:00Z', 'UTC')).toBe('2026-11-26 01:20 UTC');
    // 18:30 UTC is already the next day in Shanghai.
    expect(formatDateTime('2026-11-25T18:30:00Z', 'Asia/Shanghai')).toBe('2026-11-26 02:30 Asia/Shanghai');
    expect(formatDateTime('next week', 'UTC')).toBe('next week');
  });

  it('prints a dash for a missing or blank value', () => {
    expect([dash(null), dash(undefined), dash('  '), dash('木箱')]).toEqual(['—', '—', '—', '木箱']);
  });
});
