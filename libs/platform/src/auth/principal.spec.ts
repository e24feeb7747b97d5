import { describeRules, isAllowed, matches, Principal } from './principal';

const salesStaff: Principal = { username: 'sales.staff', department: 'SALES', role: 'STAFF' };
const leader: Principal = { username: 'leader', department: 'MANAGEMENT', role: 'LEADER' };

describe('access rules', () => {
  it('R1.2 a department rule admits every role of that department only', () => {
    expect(matches(salesStaff, 'SALES')).toBe(true);
    expect(matches(leader, 'SALES')).toBe(false);
  });

  it('R1.2 a role rule admits exactly that role', () => {
    expect(matches(salesStaff, 'SALES:HEAD')).toBe(false);
    expect(matches(leader, '*:LEADER')).toBe(true);
    expect(matches(salesStaff, '*:LEADER')).toBe(false);
  });

  it('R1.2 any of several rules is enough, and no rule means any authenticated user', () => {
    expect(isAllowed(leader, ['SALES:HEAD', 'MANAGEMENT:LEADER'])).toBe(true);
    expect(isAllowed(salesStaff, [])).toBe(true);
    expect(describeRules(['SALES:HEAD', '*:LEADER', 'FINANCE'])).toBe('SALES HEAD or any department LEADER or FINANCE (any role)');
  });
});
