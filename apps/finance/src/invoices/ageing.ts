import { daysBetween, fromMinorUnits, toMinorUnits } from '@opm/contracts';

export interface AgeingBucket {
  /** `CURRENT` (not yet due), then `1-30`, `31-60`, ... and the open-ended last one, `90+`. */
  bucket: string;
  amount: string;
  count: number;
}

/** The bucket labels for ascending day bounds: [30, 60, 90] -> CURRENT, 1-30, 31-60, 61-90, 90+. */
export function bucketLabels(bounds: readonly number[]): string[] {
  if (bounds.length === 0 || bounds.some((b, i) => !Number.isInteger(b) || b < 1 || (i > 0 && b <= bounds[i - 1]))) {
    throw new Error(`ageing bounds must be ascending whole days from 1, not ${bounds.join(',')}`);
  }
  return ['CURRENT', ...bounds.map((b, i) => `${i === 0 ? 1 : bounds[i - 1] + 1}-${b}`), `${bounds[bounds.length - 1]}+`];
}

/**
 * Receivables ageing by due date (R7.3): each invoice's outstanding amount goes to the bucket of its days past due as of
 * `asOf` (due that day or later: CURRENT). Every bucket is listed, empty ones at 0.00; the buckets add up to the total
 * exactly, since both are sums of the same minor units (N3).
 */
export function ageReceivables(invoices: readonly { outstanding: string; dueDate: string }[], asOf: string, bounds: readonly number[]): { buckets: AgeingBucket[]; total: string } {
  const labels = bucketLabels(bounds);
  const sums = labels.map(() => ({ minor: 0n, count: 0 }));
  let total = 0n;
  for (const invoice of invoices) {
    const outstanding = toMinorUnits(invoice.outstanding);
    if (outstanding <= 0n) continue;
    const overdue = daysBetween(invoice.dueDate, asOf);
    const index = overdue <= 0 ? 0 : 1 + bounds.filter((b) => overdue > b).length;
    sums[index].minor += outstanding;
    sums[index].count += 1;
    total += outstanding;
  }
  return { buckets: labels.map((bucket, i) => ({ bucket, amount: fromMinorUnits(sums[i].minor), count: sums[i].count })), total: fromMinorUnits(total) };
}
