/**
 * Hours are counted in ten-thousandths of an hour, as integers: the catalog allows 4 decimals per unit and the
 * calendar 2, so every figure is exact and "enough hours" never depends on how 0.1 + 0.2 rounds.
 */
export const UNITS_PER_HOUR = 10_000;
export const toUnits = (hours: number): number => Math.round(hours * UNITS_PER_HOUR);

/** 1_234_500 -> "123.45"; whole hours without decimals. */
export function formatHours(units: number): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const whole = Math.trunc(abs / UNITS_PER_HOUR);
  const fraction = String(abs % UNITS_PER_HOUR).padStart(4, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Units back to an hours number (exact to 4 decimals). */
export const hoursValue = (units: number): number => Number(formatHours(units));
