/**
 * Calendar dates as ISO strings ("2027-03-01"), computed in UTC so a date never shifts with the server's time
 * zone; the review's "today" is the UTC date of the moment the review started.
 */
const DAY_MS = 86_400_000;

export function isoDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDay(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` after today (UTC). */
export function daysFromToday(days: number, now: Date = new Date()): string {
  return addDays(isoDay(now), days);
}
