/**
 * Percentages as integer basis points (15% = 1500), so margins and shares compare and multiply exactly with
 * money in minor units (bigint): no float ever decides whether a margin is thin (N3).
 */
export const BP_PER_UNIT = 10_000n;

/** "15", "12.5", "7.25" -> basis points. */
export function percentToBasisPoints(percent: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent.trim());
  if (!match) throw new Error(`not a percentage with at most 2 decimals: ${JSON.stringify(percent)}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 1500 -> "15.00", -250 -> "-2.50". */
export function formatBasisPoints(bp: bigint | number): string {
  const v = BigInt(bp);
  const sign = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** n / d rounded half away from zero (d > 0). */
export function divRound(n: bigint, d: bigint): bigint {
  const q = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  return n < 0n ? -q : q;
}

/** n / d rounded up, for n >= 0, d > 0: a minimum price is never a cent short. */
export function divCeil(n: bigint, d: bigint): bigint {
  return (n + d - 1n) / d;
}
