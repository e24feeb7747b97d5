import { fromMinorUnits, toMinorUnits } from '@opm/contracts';

/* How the printed order writes amounts, quantities, dates and missing values. */

/** "12500" -> "12,500.00" (exact: through the contracts' minor units, never a float). */
export function formatMoney(amount: string): string {
  const fixed = fromMinorUnits(toMinorUnits(amount));
  const negative = fixed.startsWith('-');
  const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** 1500 -> "1,500": grouped like the amounts beside it. */
export function formatQuantity(quantity: number): string {
  return quantity.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** "2026-11-26" stays as it is; a timestamp becomes "2026-11-26 14:05 UTC" in the given zone. */
export function formatDateTime(value: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${timeZone}`;
}

/** An em dash for a value that is missing or blank, so an empty field reads as empty rather than forgotten. */
export function dash(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? '—' : value;
}
