import type { LedgerFact } from '../ledger/ledger-entry';
import { type ComparableEntry, compareLedgers, describeDifference, type ReadFact, rebuildLedger } from './ledger-replay';

const ORDER = 'aaaaaaaa-0000-4000-8000-000000000001';
const fact = (eventId: string, at: string, kind: LedgerFact['kind'] = 'TASK_PROGRESSED', publisher = kind === 'ORDER_RECEIVED' ? 'sales' : 'production'): LedgerFact => ({ eventId, orderId: ORDER, at, department: 'PRODUCTION', actor: 'production.staff', kind, summary: `${kind} ${eventId}`, refType: 'production-task', refId: `t-${eventId}`, data: {}, publisher, causationId: null });
const readOf = (f: LedgerFact, topic: string, offset: number, publisherSeq: number | null = null): ReadFact => ({ fact: f, topic, partition: 0, offset: String(offset), publisherSeq: publisherSeq === null ? null : String(publisherSeq) });

const T0 = '2026-12-02T08:00:00.000Z';
const T1 = '2026-12-02T09:00:00.000Z';
const T2 = '2026-12-02T10:00:00.000Z';
const T3 = '2026-12-02T11:00:00.000Z';
const read = [
  readOf(fact('e1', T0, 'ORDER_RECEIVED'), 'sales.order.received.v1', 5, 5),
  // Production's facts in the order production wrote them, although the second carries an earlier time.
  readOf(fact('e2', T2), 'production.task.progressed.v1', 10, 20),
  readOf(fact('e3', T1), 'production.task.progressed.v1', 11, 21),
  // Quality's, independent of production's.
  readOf(fact('e4', T3, 'INSPECTION_RECORDED', 'quality'), 'quality.inspection.recorded.v1', 3, 3),
  readOf(fact('e2', T2), 'production.task.progressed.v1', 12, 20),
];
const readTo = new Map([
  ['sales.order.received.v1|0', 6n],
  ['production.task.progressed.v1|0', 13n],
  ['quality.inspection.recorded.v1|0', 4n],
]);

describe('ledger replay (R6.2)', () => {
  it('R6.2 rebuilds each order in its publishers\' order, an event read twice once, the same way every time', () => {
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

  it('R6.2 the recorded ledger taken in another interleaving of independent departments is no difference', () => {
    const rebuilt = rebuildLedger(read);
    const recorded = recordedFrom(rebuilt.get(ORDER) ?? []);
    // Sales took quality's inspection before production's reports: a different seq, the same order per publisher.
    const [r1, r2, r3, r4] = recorded;
    expect(compareLedgers([{ ...r1, seq: 1 }, { ...r4, seq: 2 }, { ...r2, seq: 3 }, { ...r3, seq: 4 }], rebuilt, readTo)).toEqual([]);
  });

  it('R6.2 finds a missing entry, a changed one, one not on the topics and one out of its publisher\'s order', () => {
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
      `order ${ORDER}: INSPECTION_RECORDED e4 (quality.inspection.recorded.v1@0:3) is on the topics but not in the ledger`,
      `order ${ORDER}: TASK_PROGRESSED e2 (production.task.progressed.v1@0:10) is entered after TASK_PROGRESSED e3 (production.task.progressed.v1@0:11), which happened after it`,
      `order ${ORDER}: seq 5 INSPECTION_RECORDED ghost (quality.inspection.recorded.v1@0:3) is in the ledger but not on the topics`,
    ]);
  });
});
