import { dunningDue, dunningLevel, type DunningThresholds } from './dunning';

const T: DunningThresholds = [1, 30, 60];
const open = { status: 'OPEN', outstanding: 125000n, lastLevel: null };

describe('dunning', () => {
  it('R7.3 the level follows the days overdue: a reminder from the first day, a final notice from 30, legal from 60', () => {
    expect([-5, 0, 1, 29, 30, 59, 60, 400].map((d) => dunningLevel(d, T))).toEqual([null, null, 'REMINDER', 'REMINDER', 'FINAL_NOTICE', 'FINAL_NOTICE', 'LEGAL', 'LEGAL']);
  });

  it('R7.3 each level is sent once and only upwards, as a fixed clock moves the invoice on', () => {
    expect(dunningDue({ ...open, daysOverdue: 0 }, T)).toBeNull();
    expect(dunningDue({ ...open, daysOverdue: 1 }, T)).toBe('REMINDER');
    expect(dunningDue({ ...open, daysOverdue: 12, lastLevel: 'REMINDER' }, T)).toBeNull();
    expect(dunningDue({ ...open, daysOverdue: 30, lastLevel: 'REMINDER' }, T)).toBe('FINAL_NOTICE');
    expect(dunningDue({ ...open, daysOverdue: 61, lastLevel: 'FINAL_NOTICE' }, T)).toBe('LEGAL');
    expect(dunningDue({ ...open, daysOverdue: 90, lastLevel: 'LEGAL' }, T)).toBeNull();
    // A scan that did not run for weeks sends the level reached, not the ones skipped.
    expect(dunningDue({ ...open, daysOverdue: 45 }, T)).toBe('FINAL_NOTICE');
  });

  it('R7.3 a disputed invoice is not dunned while the dispute is open; nor a paid, void or fully paid one', () => {
    expect(dunningDue({ ...open, status: 'DISPUTED', daysOverdue: 70 }, T)).toBeNull();
    expect(dunningDue({ ...open, status: 'PAID', daysOverdue: 70 }, T)).toBeNull();
    expect(dunningDue({ ...open, status: 'VOID', daysOverdue: 70 }, T)).toBeNull();
    expect(dunningDue({ ...open, status: 'PARTIALLY_PAID', outstanding: 0n, daysOverdue: 70 }, T)).toBeNull();
    expect(dunningDue({ ...open, status: 'PARTIALLY_PAID', daysOverdue: 70 }, T)).toBe('LEGAL');
  });
});
