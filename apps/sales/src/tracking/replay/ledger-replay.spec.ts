import type { LedgerFact } from '../ledger/ledger-entry';
import { type ComparableEntry, compareLedgers, describeDifference, type ReadFact, rebuildLedger } from './ledger-replay';

const ORDER = 'aaaaaaaa-0000-4000-8000-000000000001';
const fact = (eventId: string, at: string, kind: LedgerFact['kind'] = 'TASK_PROGRESSED'): LedgerFact => ({ eventId, orderId: ORDER, at, department: 'PRODUCTION', actor: 'production.staff', kind, summary: `${kind} ${eventId}`, refType: 'production-task', refId: `t-${eventId}`, data: {} });
const readOf = (f: LedgerFact, topic: string, offset: number): ReadFact => ({ fact: f, topic, partition: 0, offset: String(offset) });

const T1 = '2026-12-02T09:00:00.000Z';
const T2 = '2026-12-02T10:00:00.000Z';
const T3 = '2026-12-02T11:00:00.000Z';
const read = [
  readOf(fact('e1', T1, 'ORDER_RECEIVED'), 'sales.order.received.v1', 5),
  // Production's facts in key order, although the second carries an earlier time (another machine's clock).
  readOf(fact('e2', T2), 'production.task.progressed.v1', 10),
  readOf(fact('e3', T1), 'production.task.progressed.v1', 11),
  readOf(fact('e4', T3, 'PROBLEM_RAISED'), 'production.problem.raised.v1', 3),
  readOf(fact('e2', T2), 'production.task.progressed.v1', 12),
];
const readTo = new Map([
  ['sales.order.received.v1|0', 6n],
  ['production.task.progressed.v1|0', 13n],
  ['production.problem.raised.v1|0', 4n],
]);

describe('ledger replay (R6.2)', () => {
  it('R6.2 rebuilds each order with every topic in its key order, an event read twice once, the same way every time', () => {
    const rebuilt = rebuildLedger(read);
    expect(rebuilt.get(ORDER)?.map((e) => [e.seq, e.eventId])).toEqual([
      [1, 'e1'],
      [2, 'e2'],
      [3, 'e3'],
      [4, 'e4'],
    ]);
    expect(rebuildLedger([...read].reverse()).get(ORDER)?.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  const recordedFrom = (entries: ComparableEntry[]) => entries.map((e) => ({ ...e }));

  it('R6.2 the recorded ledger taken in another interleaving of the topics is no difference', () => {
    const rebuilt = rebuildLedger(read);
    const recorded = recordedFrom(rebuilt.get(ORDER) ?? []);
    // Sales took the problem before the progress reports: a different seq, the same key order per topic.
    const [r1, r2, r3, r4] = recorded;
    expect(compareLedgers([{ ...r1, seq: 1 }, { ...r4, seq: 2 }, { ...r2, seq: 3 }, { ...r3, seq: 4 }], rebuilt, readTo)).toEqual([]);
  });

  it('R6.2 finds a missing entry, a changed one, one not on the topics and one out of its topic\'s order', () => {
    const rebuilt = rebuildLedger(read);
    const [r1, r2, r3, r4] = recordedFrom(rebuilt.get(ORDER) ?? []);
    const ghost: ComparableEntry = { ...r4, eventId: 'ghost', seq: 5 };
    const later: ComparableEntry = { ...r4, eventId: 'later', seq: 6, offset: '4' };
    const differences = compareLedgers([{ ...r1, summary: 'edited' }, { ...r3, seq: 2 }, { ...r2, seq: 3 }, ghost, later], rebuilt, readTo);
    expect(differences.map((d) => [d.problem, d.entry.eventId])).toEqual([
      ['changed', 'e1'],
      ['missing', 'e4'],
      ['out-of-order', 'e2'],
      ['not-on-topics', 'ghost'],
    ]);
    expect(differences.map(describeDifference)).toEqual([
      `order ${ORDER}: seq 1 ORDER_RECEIVED e1 (sales.order.received.v1@0:5) summary differs: ledger "edited", topics "ORDER_RECEIVED e1"`,
      `order ${ORDER}: PROBLEM_RAISED e4 (production.problem.raised.v1@0:3) is on the topics but not in the ledger`,
      `order ${ORDER}: TASK_PROGRESSED e2 (production.task.progressed.v1@0:10) is entered after TASK_PROGRESSED e3 (offset 11), which its topic has later`,
      `order ${ORDER}: seq 5 PROBLEM_RAISED ghost (production.problem.raised.v1@0:3) is in the ledger but not on the topics`,
    ]);
  });
});
