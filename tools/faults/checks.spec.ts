import { changedTables, judgePhase, KeyOutcome, ObservedOrders, PhaseTiming, strayOrders } from './checks';
import type { Fault } from './fault-plan';

const fault: Fault = { name: 'kill -9 sales', kind: 'kill', target: 'sales', downSeconds: 3 };
const departments = ['production', 'finance'];
const T0 = 1_000_000;

const outcome = (key: string, ids: string[], extra: Partial<KeyOutcome> = {}): KeyOutcome => ({
  key,
  phase: 0,
  answeredIds: ids,
  acceptedAt: ids.length > 0 ? T0 + 5000 : null,
  retries: 0,
  failure: ids.length > 0 ? null : 'gave up after 9 retries, last: 504',
  ...extra,
});

/** The databases as they are when every key became exactly one order everywhere, its round concluded. */
function healthy(keys: Record<string, string>): { salesByKey: Map<string, string[]>; departmentCopies: Map<string, Map<string, number>>; rounds: Map<string, { round: number; status: string; concluded: boolean }[]> } {
  const ids = Object.values(keys);
  return {
    salesByKey: new Map(Object.entries(keys).map(([k, id]) => [k, [id]])),
    departmentCopies: new Map(departments.map((d) => [d, new Map(ids.map((id) => [id, 1]))])),
    rounds: new Map(ids.map((id) => [id, [{ round: 1, status: 'PASSED', concluded: true }]])),
  };
}

const timing: PhaseTiming = { faultStartedAt: T0 - 3000, faultEndedAt: T0, drainedAt: T0 + 12_340 };

describe('fault suite checks (issue 11, item 5)', () => {
  it('I11.5 counts a phase where every key became one order everywhere as nothing lost, nothing duplicated', () => {
    const outcomes = [outcome('k1', ['o1'], { retries: 2, acceptedAt: T0 + 1500 }), outcome('k2', ['o2'], { retries: 1, acceptedAt: T0 - 100 })];
    const { row, violations } = judgePhase(fault, 0, outcomes, healthy({ k1: 'o1', k2: 'o2' }), departments, timing);
    expect(violations).toEqual([]);
    expect(row).toEqual({
      fault: 'kill -9 sales',
      sent: 2,
      accepted: 2,
      lost: 0,
      unanswered: 0,
      duplicated: 0,
      roundsConcluded: 2,
      clientRetries: 3,
      recoverFirstSeconds: 1.5,
      recoverDrainedSeconds: 12.3,
    });
  });

  it('I11.5 counts a key that was never answered as lost, naming the order sales holds for it (the stuck claim)', () => {
    const observed = healthy({ k1: 'o1', k2: 'o2' });
    const { row, violations } = judgePhase(fault, 0, [outcome('k1', ['o1']), outcome('k2', [])], observed, departments, timing);
    expect(row).toMatchObject({ sent: 2, accepted: 1, lost: 1, unanswered: 1, duplicated: 0, roundsConcluded: 1 });
    expect(violations).toEqual([{ fault: 'kill -9 sales', key: 'k2', problem: 'never accepted (gave up after 9 retries, last: 504); sales holds o2 for it' }]);
  });

  it('I11.5 counts an accepted order missing from a department as lost, and two orders for one key as duplicated', () => {
    const observed = healthy({ k1: 'o1', k2: 'o2' });
    observed.departmentCopies.get('finance')?.delete('o1');
    observed.salesByKey.set('k2', ['o2', 'o3']);
    const { row, violations } = judgePhase(fault, 0, [outcome('k1', ['o1']), outcome('k2', ['o2'])], observed, departments, timing);
    expect(row).toMatchObject({ lost: 1, duplicated: 1, unanswered: 0 });
    expect(violations.map((v) => v.problem)).toEqual(['order o1 never reached finance', '2 orders in sales: o2, o3']);
  });

  it('I11.5 counts a key answered with two different orders as duplicated, and an answer sales does not hold as lost', () => {
    const observed = healthy({ k1: 'o1' });
    const { row, violations } = judgePhase(fault, 0, [outcome('k1', ['o1', 'o9'])], observed, departments, timing);
    expect(row).toMatchObject({ duplicated: 1, lost: 1 });
    expect(violations.map((v) => v.problem)).toEqual(['answered with different orders: o1, o9', 'answered o9, which sales does not hold', 'order o9 never reached production', 'order o9 never reached finance']);
  });

  it('I11.5 counts only concluded rounds, and reports a round still open', () => {
    const observed = healthy({ k1: 'o1', k2: 'o2' });
    observed.rounds.set('o2', [{ round: 1, status: 'OPEN', concluded: false }]);
    const { row, violations } = judgePhase(fault, 0, [outcome('k1', ['o1']), outcome('k2', ['o2'])], observed, departments, timing);
    expect(row.roundsConcluded).toBe(1);
    expect(violations).toEqual([{ fault: 'kill -9 sales', key: 'k2', problem: 'review of o2 not concluded (round 1 OPEN)' }]);
  });

  it('I11.5 takes only its own phase, and leaves recovery open when nothing was accepted after the fault or it never drained', () => {
    const other = outcome('k9', [], { phase: 1 });
    const { row } = judgePhase(fault, 0, [outcome('k1', ['o1'], { acceptedAt: T0 - 1 }), other], healthy({ k1: 'o1' }), departments, { ...timing, drainedAt: null });
    expect(row).toMatchObject({ sent: 1, lost: 0, recoverFirstSeconds: null, recoverDrainedSeconds: null });
  });

  it('I11.5 names orders in sales under a key of the run the client never sent', () => {
    const observed: ObservedOrders = healthy({ k1: 'o1', k7: 'o7' });
    expect(strayOrders([outcome('k1', ['o1'])], observed)).toEqual([{ fault: '-', key: 'k7', problem: 'orders o7 in sales under a key the client never sent' }]);
  });

  it('I11.5 finds every table the replay changed: rows added, content changed, a table appearing', () => {
    const before = new Map([
      ['sales.sales_order', { rows: 3, checksum: 'a' }],
      ['finance.outbox', { rows: 5, checksum: 'b' }],
      ['quality.inbox', { rows: 7, checksum: 'c' }],
    ]);
    const after = new Map([
      ['sales.sales_order', { rows: 3, checksum: 'a' }],
      ['finance.outbox', { rows: 6, checksum: 'x' }],
      ['quality.inbox', { rows: 7, checksum: 'd' }],
      ['quality.extra', { rows: 0, checksum: 'e' }],
    ]);
    expect(changedTables(before, after)).toEqual(['finance.outbox', 'quality.extra', 'quality.inbox']);
    expect(changedTables(before, new Map(before))).toEqual([]);
  });
});
