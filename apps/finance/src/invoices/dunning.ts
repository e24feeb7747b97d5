/** Dunning levels by days overdue (R7.3), mildest first. */
export const DUNNING_LEVELS = ['REMINDER', 'FINAL_NOTICE', 'LEGAL'] as const;
export type DunningLevel = (typeof DUNNING_LEVELS)[number];

/** The days overdue from which each level applies, ascending: [1, 30, 60] = a reminder the day after the due date, a final notice from 30 days, legal from 60. */
export type DunningThresholds = readonly [number, number, number];

/** The highest level an invoice has reached at `daysOverdue`, or null while it is not (that) overdue. */
export function dunningLevel(daysOverdue: number, thresholds: DunningThresholds): DunningLevel | null {
  let reached: DunningLevel | null = null;
  DUNNING_LEVELS.forEach((level, i) => {
    if (daysOverdue >= thresholds[i]) reached = level;
  });
  return reached;
}

/**
 * The notice to record now, or null (R7.3): the highest level reached, if it is above the last one sent; levels only
 * rise, each is sent once, a level skipped (the scan did not run) is not sent late. Nothing for an invoice that is paid,
 * void or DISPUTED (a dispute suspends dunning while it is open) or has nothing outstanding.
 */
export function dunningDue(invoice: { status: string; outstanding: bigint; daysOverdue: number; lastLevel: DunningLevel | null }, thresholds: DunningThresholds): DunningLevel | null {
  if (invoice.status === 'PAID' || invoice.status === 'VOID' || invoice.status === 'DISPUTED' || invoice.outstanding <= 0n) return null;
  const reached = dunningLevel(invoice.daysOverdue, thresholds);
  if (reached === null) return null;
  const last = invoice.lastLevel === null ? -1 : DUNNING_LEVELS.indexOf(invoice.lastLevel);
  return DUNNING_LEVELS.indexOf(reached) > last ? reached : null;
}
