import type { LedgerFact } from '../ledger/ledger-entry';

/** A fact as the replay read it from its topic. */
export interface ReadFact {
  fact: LedgerFact;
  topic: string;
  partition: number;
  offset: string;
}

/** An entry as the ledger table holds it (recorded) or the replay rebuilt it. */
export interface ComparableEntry {
  eventId: string;
  orderId: string;
  seq: number;
  at: string;
  kind: string;
  summary: string;
  refType: string;
  refId: string;
  topic: string;
  partition: number;
  offset: string;
}

const byOffset = (a: ReadFact, b: ReadFact) => (BigInt(a.offset) < BigInt(b.offset) ? -1 : BigInt(a.offset) > BigInt(b.offset) ? 1 : 0);

/**
 * The ledger rebuilt from what the replay read (R6.2), with the same entry function as the live consumer. An event
 * read twice counts once (at its first offset, as the inbox keeps it). Per order, each topic's facts stay in their key
 * order (offset order in the order's partition: the order its department committed them); the topics are
 * interleaved by the facts' own times, ties broken by topic name, so the rebuilt order is the same on every run.
 */
export function rebuildLedger(read: ReadFact[]): Map<string, ComparableEntry[]> {
  const seen = new Set<string>();
  const perOrder = new Map<string, Map<string, ReadFact[]>>();
  const ordered = [...read].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition || byOffset(a, b)));
  for (const r of ordered) {
    if (seen.has(r.fact.eventId)) continue;
    seen.add(r.fact.eventId);
    const topics = perOrder.get(r.fact.orderId) ?? new Map<string, ReadFact[]>();
    perOrder.set(r.fact.orderId, topics);
    const stream = `${r.topic}|${r.partition}`;
    topics.set(stream, [...(topics.get(stream) ?? []), r]);
  }
  const ledger = new Map<string, ComparableEntry[]>();
  for (const [orderId, topics] of perOrder) {
    const streams = [...topics.entries()].map(([name, facts]) => ({ name, facts: [...facts].sort(byOffset) }));
    const entries: ComparableEntry[] = [];
    for (;;) {
      const heads = streams.filter((s) => s.facts.length > 0);
      if (heads.length === 0) break;
      const next = heads.reduce((a, b) => (b.facts[0].fact.at < a.facts[0].fact.at || (b.facts[0].fact.at === a.facts[0].fact.at && b.name < a.name) ? b : a));
      const r = next.facts.shift() as ReadFact;
      entries.push({ ...comparable(r.fact), seq: entries.length + 1, topic: r.topic, partition: r.partition, offset: r.offset });
    }
    ledger.set(orderId, entries);
  }
  return ledger;
}

const comparable = (f: LedgerFact) => ({ eventId: f.eventId, orderId: f.orderId, at: f.at, kind: f.kind, summary: f.summary, refType: f.refType, refId: f.refId });

export type LedgerDifference =
  | { orderId: string; problem: 'missing'; entry: ComparableEntry }
  | { orderId: string; problem: 'not-on-topics'; entry: ComparableEntry }
  | { orderId: string; problem: 'changed'; entry: ComparableEntry; field: 'kind' | 'at' | 'summary' | 'ref'; recorded: string; rebuilt: string }
  | { orderId: string; problem: 'out-of-order'; entry: ComparableEntry; after: ComparableEntry };

/**
 * Where the recorded ledger differs from the rebuilt one, per order: an entry the topics have and the table does not
 * (`missing`), one the table has from a message the replay read past but did not find (`not-on-topics`), the same
 * event entered with another kind, time, summary or reference (`changed`), and entries of one topic whose seq order
 * contradicts their key order (`out-of-order`). What the table holds from beyond the replay's end offsets
 * (`readTo`: `topic|partition` -> the first offset not read) is not compared: it arrived while the replay ran.
 */
export function compareLedgers(recorded: ComparableEntry[], rebuilt: Map<string, ComparableEntry[]>, readTo: Map<string, bigint>): LedgerDifference[] {
  const differences: LedgerDifference[] = [];
  const inRange = (e: ComparableEntry) => BigInt(e.offset) < (readTo.get(`${e.topic}|${e.partition}`) ?? 0n);
  const recordedBy = new Map(recorded.map((e) => [e.eventId, e]));
  const rebuiltIds = new Set([...rebuilt.values()].flat().map((e) => e.eventId));
  for (const [orderId, entries] of rebuilt) {
    for (const entry of entries) {
      const had = recordedBy.get(entry.eventId);
      if (!had) {
        differences.push({ orderId, problem: 'missing', entry });
        continue;
      }
      const fields: ['kind' | 'at' | 'summary' | 'ref', string, string][] = [
        ['kind', had.kind, entry.kind],
        ['at', had.at, entry.at],
        ['summary', had.summary, entry.summary],
        ['ref', `${had.refType}:${had.refId}`, `${entry.refType}:${entry.refId}`],
      ];
      for (const [field, was, now] of fields) if (was !== now) differences.push({ orderId, problem: 'changed', entry, field, recorded: was, rebuilt: now });
    }
  }
  const perOrder = new Map<string, ComparableEntry[]>();
  for (const e of recorded) perOrder.set(e.orderId, [...(perOrder.get(e.orderId) ?? []), e]);
  for (const [orderId, entries] of perOrder) {
    const last = new Map<string, ComparableEntry>();
    for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
      if (inRange(e) && !rebuiltIds.has(e.eventId)) differences.push({ orderId, problem: 'not-on-topics', entry: e });
      const stream = `${e.topic}|${e.partition}`;
      const before = last.get(stream);
      if (before && BigInt(before.offset) > BigInt(e.offset)) differences.push({ orderId, problem: 'out-of-order', entry: e, after: before });
      last.set(stream, e);
    }
  }
  return differences;
}

/** One line per difference, for the command's output. */
export function describeDifference(d: LedgerDifference): string {
  const e = `${d.entry.kind} ${d.entry.eventId} (${d.entry.topic}@${d.entry.partition}:${d.entry.offset})`;
  switch (d.problem) {
    case 'missing':
      return `order ${d.orderId}: ${e} is on the topics but not in the ledger`;
    case 'not-on-topics':
      return `order ${d.orderId}: seq ${d.entry.seq} ${e} is in the ledger but not on the topics`;
    case 'changed':
      return `order ${d.orderId}: seq ${d.entry.seq} ${e} ${d.field} differs: ledger "${d.recorded}", topics "${d.rebuilt}"`;
    case 'out-of-order':
      return `order ${d.orderId}: ${e} is entered after ${d.after.kind} ${d.after.eventId} (offset ${d.after.offset}), which its topic has later`;
  }
}
