import type { Fault } from './fault-plan';

/** What the client knows of one order it sent (one Idempotency-Key). */
export interface KeyOutcome {
  key: string;
  phase: number;
  /** Every distinct order id a 2xx answer for this key carried (more than one: a key answered twice differently). */
  answeredIds: string[];
  /** When the first accepting answer came back (ms since epoch), if any. */
  acceptedAt: number | null;
  /** Attempts after the first. */
  retries: number;
  /** Why the client stopped without an accepting answer (gave up after retries, or a final refusal). */
  failure: string | null;
}

/** What the databases hold at the end, read by the suite. */
export interface ObservedOrders {
  /** Orders in sales, by the key that created them (the key travels in the order's contact person). */
  salesByKey: ReadonlyMap<string, readonly string[]>;
  /** Per department: how many copies of each order it holds. */
  departmentCopies: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Per order: its review rounds, concluded or not. */
  rounds: ReadonlyMap<string, readonly { round: number; status: string; concluded: boolean }[]>;
}

/** When a phase's fault ended and what the suite saw afterwards (ms since epoch). */
export interface PhaseTiming {
  faultStartedAt: number | null;
  /** The killed process (broker, proxy) was started again / let connections through. */
  faultEndedAt: number | null;
  /**
   * Every order accepted in the phase until the faulty part was back (its backlog) was in every department with its
   * round concluded, and the outboxes were empty.
   */
  drainedAt: number | null;
}

export interface PhaseRow {
  fault: string;
  sent: number;
  accepted: number;
  /** Sent but not, in the end, one order in sales and in every department (unanswered included). */
  lost: number;
  /** Of the lost: keys that never got an accepting answer. */
  unanswered: number;
  /** Keys with more than one order (in sales, in a department, or in the answers). */
  duplicated: number;
  roundsConcluded: number;
  clientRetries: number;
  /** From the end of the fault to the first order accepted after it, seconds. */
  recoverFirstSeconds: number | null;
  /** From the end of the fault to its backlog drained, seconds. */
  recoverDrainedSeconds: number | null;
}

/** One thing the suite found wrong, named precisely enough to look it up. */
export interface Violation {
  fault: string;
  key?: string;
  problem: string;
}

const seconds = (from: number | null, to: number | null): number | null =>
  from === null || to === null ? null : Math.max(0, Math.round((to - from) / 100) / 10);

/**
 * The row of one phase and what was wrong in it: every key sent must end as exactly one order, in sales and in
 * every department, answered with that one order, its review concluded.
 */
export function judgePhase(
  fault: Fault,
  phase: number,
  outcomes: readonly KeyOutcome[],
  observed: ObservedOrders,
  departments: readonly string[],
  timing: PhaseTiming,
): { row: PhaseRow; violations: Violation[] } {
  const mine = outcomes.filter((o) => o.phase === phase);
  const violations: Violation[] = [];
  let lost = 0;
  let unanswered = 0;
  let duplicated = 0;
  let roundsConcluded = 0;
  for (const o of mine) {
    const inSales = observed.salesByKey.get(o.key) ?? [];
    const answered = o.answeredIds;
    let isLost = false;
    let isDuplicated = false;
    if (answered.length === 0) {
      unanswered += 1;
      isLost = true;
      violations.push({
        fault: fault.name,
        key: o.key,
        problem: `never accepted (${o.failure ?? 'no answer'}); sales holds ${inSales.length === 0 ? 'no order' : inSales.join(', ')} for it`,
      });
    }
    if (answered.length > 1) {
      isDuplicated = true;
      violations.push({ fault: fault.name, key: o.key, problem: `answered with different orders: ${answered.join(', ')}` });
    }
    if (inSales.length > 1) {
      isDuplicated = true;
      violations.push({ fault: fault.name, key: o.key, problem: `${inSales.length} orders in sales: ${inSales.join(', ')}` });
    }
    for (const id of answered) {
      if (!inSales.includes(id)) {
        isLost = true;
        violations.push({ fault: fault.name, key: o.key, problem: `answered ${id}, which sales does not hold` });
      }
    }
    const orderIds = [...new Set([...answered, ...inSales])];
    for (const id of orderIds) {
      for (const d of departments) {
        const copies = observed.departmentCopies.get(d)?.get(id) ?? 0;
        if (copies === 0 && answered.includes(id)) {
          isLost = true;
          violations.push({ fault: fault.name, key: o.key, problem: `order ${id} never reached ${d}` });
        }
        if (copies > 1) {
          isDuplicated = true;
          violations.push({ fault: fault.name, key: o.key, problem: `order ${id} is in ${d} ${copies} times` });
        }
      }
    }
    const accepted = answered.length > 0 ? answered[0] : null;
    if (accepted !== null) {
      const rounds = observed.rounds.get(accepted) ?? [];
      if (rounds.length > 0 && rounds.every((r) => r.concluded)) roundsConcluded += 1;
      else violations.push({ fault: fault.name, key: o.key, problem: `review of ${accepted} not concluded (${rounds.map((r) => `round ${r.round} ${r.status}`).join(', ') || 'no round'})` });
    }
    if (isLost) lost += 1;
    if (isDuplicated) duplicated += 1;
  }
  const firstAfter = mine
    .map((o) => o.acceptedAt)
    .filter((t): t is number => t !== null && timing.faultEndedAt !== null && t >= timing.faultEndedAt)
    .reduce<number | null>((min, t) => (min === null || t < min ? t : min), null);
  return {
    row: {
      fault: fault.name,
      sent: mine.length,
      accepted: mine.filter((o) => o.answeredIds.length > 0).length,
      lost,
      unanswered,
      duplicated,
      roundsConcluded,
      clientRetries: mine.reduce((n, o) => n + o.retries, 0),
      recoverFirstSeconds: seconds(timing.faultEndedAt, firstAfter),
      recoverDrainedSeconds: seconds(timing.faultEndedAt, timing.drainedAt),
    },
    violations,
  };
}

/** Orders in sales created under a key of this run that the client never sent (should be impossible). */
export function strayOrders(outcomes: readonly KeyOutcome[], observed: ObservedOrders): Violation[] {
  const sent = new Set(outcomes.map((o) => o.key));
  return [...observed.salesByKey.entries()]
    .filter(([key]) => !sent.has(key))
    .map(([key, ids]) => ({ fault: '-', key, problem: `orders ${ids.join(', ')} in sales under a key the client never sent` }));
}

/** Per table: row count and checksum of its rows, as read before and after the replay. */
export type TableDigest = ReadonlyMap<string, { rows: number; checksum: string }>;

/** The tables whose content the replay changed (the replay must change nothing). */
export function changedTables(before: TableDigest, after: TableDigest): string[] {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.filter((name) => {
    const b = before.get(name);
    const a = after.get(name);
    return !b || !a || b.rows !== a.rows || b.checksum !== a.checksum;
  });
}
