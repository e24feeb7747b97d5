import type { PhaseRow } from './checks';
import { exitCode, formatTable } from './table';

const row = (fault: string, extra: Partial<PhaseRow> = {}): PhaseRow => ({
  fault,
  sent: 30,
  accepted: 30,
  lost: 0,
  unanswered: 0,
  duplicated: 0,
  roundsConcluded: 30,
  clientRetries: 4,
  recoverFirstSeconds: 2.5,
  recoverDrainedSeconds: 8,
  ...extra,
});

describe('fault table (issue 11, item 5)', () => {
  it('I11.5 prints one aligned row per fault and a total that sums counts and takes the worst recovery', () => {
    const text = formatTable([row('kill -9 sales', { accepted: 27, lost: 3, unanswered: 3, roundsConcluded: 27, clientRetries: 40, recoverDrainedSeconds: null }), row('kafka down', { recoverFirstSeconds: 0.1, recoverDrainedSeconds: 14.2 })]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(5);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[0]).toMatch(/^\| fault +\| sent \| accepted \| lost \| \(unanswered\) \| duplicated \| rounds concluded \| client retries \| recover: first 201 \(s\) \| recover: drained \(s\) \|$/);
    expect(lines[2].split('|').map((c) => c.trim())).toEqual(['', 'kill -9 sales', '30', '27', '3', '3', '0', '27', '40', '2.5', 'never', '']);
    expect(lines[4].split('|').map((c) => c.trim())).toEqual(['', 'total', '60', '57', '3', '3', '0', '57', '44', '2.5', 'never', '']);
  });

  it('I11.5 exits non-zero on any loss, duplicate, unconcluded round or other problem, zero otherwise', () => {
    expect(exitCode([row('a'), row('b')], 0)).toBe(0);
    expect(exitCode([row('a', { lost: 1 })], 0)).toBe(1);
    expect(exitCode([row('a', { duplicated: 1 })], 0)).toBe(1);
    expect(exitCode([row('a', { roundsConcluded: 29 })], 0)).toBe(1);
    expect(exitCode([row('a')], 1)).toBe(1);
  });
});
