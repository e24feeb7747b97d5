import { authorityFor, Delegation, delegateProblem, planChain } from './approval-chain';

const salesHead = { username: 'sales.head', department: 'SALES', role: 'HEAD' } as const;
const financeHead = { username: 'finance.head', department: 'FINANCE', role: 'HEAD' } as const;
const deputy = { username: 'finance.staff', department: 'FINANCE', role: 'STAFF' } as const;
const now = new Date('2026-11-26T12:00:00Z');
const delegation = (o: Partial<Delegation> = {}): Delegation => ({
  step: 'FINANCE',
  delegator: 'finance.head',
  delegate: 'finance.staff',
  validFrom: new Date('2026-11-25T00:00:00Z'),
  validTo: new Date('2026-11-30T00:00:00Z'),
  revokedAt: null,
  ...o,
});

describe('approval chain', () => {
  it('R4.1 plans the configured steps in order, skipping one whose amount condition is not met', () => {
    const min = (s: string) => (s === 'DIVISION_LEADER' ? '100000.00' : undefined);
    expect(planChain(['SALES_HEAD', 'DIVISION_LEADER', 'FINANCE'], min, '99999.99').map((s) => `${s.seq}:${s.step}:${s.status}`)).toEqual([
      '1:SALES_HEAD:PENDING',
      '2:DIVISION_LEADER:SKIPPED',
      '3:FINANCE:PENDING',
    ]);
    expect(planChain(['SALES_HEAD', 'DIVISION_LEADER'], min, '100000.00').map((s) => s.status)).toEqual(['PENDING', 'PENDING']);
  });

  it("R4.1 only the step's role decides it", () => {
    expect(authorityFor(salesHead, 'SALES_HEAD', 'sales.staff', [], now)).toEqual({ ok: true, onBehalfOf: null });
    expect(authorityFor({ username: 'leader', department: 'MANAGEMENT', role: 'LEADER' }, 'DIVISION_LEADER', 'sales.staff', [], now).ok).toBe(true);
    const refused = authorityFor({ username: 'finance.staff', department: 'FINANCE', role: 'STAFF' }, 'FINANCE', 'sales.staff', [], now);
    expect(refused).toEqual({ ok: false, reason: 'step FINANCE is decided by FINANCE HEAD or their delegate; you are FINANCE STAFF' });
  });

  it('R4.1 segregation of duties: whoever recorded the order cannot approve it, nor their delegate', () => {
    expect(authorityFor(salesHead, 'SALES_HEAD', 'sales.head', [], now)).toMatchObject({ ok: false, reason: expect.stringContaining('segregation of duties') });
    expect(authorityFor(deputy, 'FINANCE', 'finance.head', [delegation()], now)).toMatchObject({ ok: false });
  });

  it("R4.1 I11.7 a delegate of the step's department decides within the period, on behalf of the delegator", () => {
    expect(authorityFor(deputy, 'FINANCE', 'sales.staff', [delegation()], now)).toEqual({ ok: true, onBehalfOf: 'finance.head' });
    expect(authorityFor(deputy, 'FINANCE', 'sales.staff', [delegation({ validTo: now })], now).ok).toBe(false);
    expect(authorityFor(deputy, 'FINANCE', 'sales.staff', [delegation({ revokedAt: now })], now).ok).toBe(false);
    expect(authorityFor(deputy, 'SALES_HEAD', 'sales.staff', [delegation()], now).ok).toBe(false);
    // A delegation that names someone of another department (recorded before the rule) gives them nothing.
    const outsider = { username: 'production.head', department: 'PRODUCTION', role: 'HEAD' } as const;
    expect(authorityFor(outsider, 'FINANCE', 'sales.staff', [delegation({ delegate: 'production.head' })], now).ok).toBe(false);
  });

  it('I11.7 a delegation names an existing user of the delegator\'s department, never the delegator', () => {
    const find = (name: string) => [salesHead, financeHead, deputy].find((u) => u.username === name);
    expect(delegateProblem(financeHead, 'finance.staff', find('finance.staff'), true)).toBeNull();
    expect(delegateProblem(financeHead, 'sales.head', find('sales.head'), true)).toBe('must be a user of FINANCE; sales.head is in SALES');
    expect(delegateProblem(financeHead, 'nobody.at.all', find('nobody.at.all'), true)).toBe('nobody.at.all is not a user');
    expect(delegateProblem(financeHead, 'finance.head', find('finance.head'), true)).toBe('must not be yourself');
    // With only an external identity provider there is no list to check; acting still needs the department.
    expect(delegateProblem(financeHead, 'someone', undefined, false)).toBeNull();
  });
});
