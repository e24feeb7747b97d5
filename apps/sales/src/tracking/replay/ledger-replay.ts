import type { LedgerFact } from '../ledger/ledger-entry';
import { happenedBefore, ledgerPosition } from '../ledger/ledger-order';

/** A fact as the replay read it from its topic. */
export interface ReadFact {
  fact: LedgerFact;
  topic: string;
  partition: number;
  offset: string;
  /** The publisher's outbox seq the message carried (`x-outbox-seq`), or null. */
  publisherSeq: string | null;
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
  publisher: string;
  publisherSeq: string | null;
  causationId: string | null;
  topic: string;
  partition: number;
  offset: string;
}

const byOffset = (a: ReadFact, b: ReadFact) => (BigInt(a.offset) < BigInt(b.offset) ? -1 : BigInt(a.offset) > BigInt(b.offset) ? 1 : 0);

/**
 * The ledger rebuilt from what the replay read (R6.2), with the same entry function and the same placement
 * (`ledgerPosition`) as the live consumer. An event read twice counts once (at its first offset, as the inbox keeps
 * it). The facts are placed in a fixed order (their own times, then topic and offset), so the rebuilt ledger is the
 * same on every run and keeps every order the facts' publishers and causes give.
 */
export function rebuildLedger(read: ReadFact[]): Map<string, ComparableEntry[]> {
  const seen = new Set<string>();
  const byStream = (a: ReadFact, b: ReadFact) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition || byOffset(a, b));
  const first = [...read].sort(byStream).filter((r) => !seen.has(r.fact.eventId) && seen.add(r.fact.eventId));
  const ledger = new Map<string, ComparableEntry[]>();
  for (const r of first.sort((a, b) => (a.fact.at < b.fact.at ? -1 : a.fact.at > b.fact.at ? 1 : byStream(a, b)))) {
    const entries = ledger.get(r.fact.orderId) ?? [];
    const incoming = { ...comparable(r.fact), publisherSeq: r.publisherSeq, topic: r.topic, partition: r.partition, offset: r.offset };
    const seq = ledgerPosition(entries, incoming);
    ledger.set(r.fact.orderId, [...entries.map((e) => (e.seq >= seq ? { ...e, seq: e.seq + 1 } : e)), { ...incoming, seq }].sort((x, y) => x.seq - y.seq));
  }
  return ledger;
}

const comparable = (f: LedgerFact) => ({ eventId: f.eventId, orderId: f.orderId, at: f.at, kind: f.kind, summary: f.summary, refType: f.refType, refId: f.refId, publisher: f.publisher, causationId: f.causationId });

export type LedgerDifference =
  | { orderId: string; problem: 'missing'; entry: ComparableEntry }
  | { orderId: string; problem: 'not-on-topics'; entry: ComparableEntry }
  | { orderId: string; problem: 'changed'; entry: ComparableEntry; field: 'kind' | 'at' | 'summary' | 'ref'; recorded: string; rebuilt: string }
  | { orderId: string; problem: 'out-of-order'; entry: ComparableEntry; after: ComparableEntry };

/**
 * Where the recorded ledger differs from the rebuilt one, per order: an entry the topics have and the table does not
 * (`missing`), one the table has from a message the replay read past but did not find (`not-on-topics`), the same
 * event entered with another kind, time, summary or reference (`changed`), and two entries whose seq order
 * contradicts the order their publisher wrote them in or their cause (`out-of-order`). What the table holds from beyond the replay's end offsets
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
    const sorted = [...entries].sort((a, b) => a.seq - b.seq);
    sorted.forEach((e, i) => {
      if (inRange(e) && !rebuiltIds.has(e.eventId)) differences.push({ orderId, problem: 'not-on-topics', entry: e });
      const stream = `${e.topic}|${e.partition}`;
      // An earlier entry that should come after this one.
      // Key order counts only within one publisher's messages that carry no outbox seq (older ones): a topic several
      // services publish to (review tasks, acknowledgements) interleaves them as the broker received them.
      const keyOrder = (b: ComparableEntry) =>
        `${b.topic}|${b.partition}` === stream && b.publisher === e.publisher && (b.publisherSeq === null || e.publisherSeq === null) && BigInt(b.offset) > BigInt(e.offset);
      const after = sorted.slice(0, i).find((b) => happenedBefore(e, b) || keyOrder(b));
      if (after) differences.push({ orderId, problem: 'out-of-order', entry: e, after });
    });
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
      return `order ${d.orderId}: ${e} is entered after ${d.after.kind} ${d.after.eventId} (${d.after.topic}@${d.after.partition}:${d.after.offset}), which happened after it`;
  }
}
