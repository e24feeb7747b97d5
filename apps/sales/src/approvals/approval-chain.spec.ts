import { authorityFor, Delegation, planChain } from './approval-chain';

const salesHead = { username: 'sales.head', department: 'SALES', role: 'HEAD' } as const;
const deputy = { username: 'production.head', department: 'PRODUCTION', role: 'HEAD' } as const;
const now = new Date('2026-11-26T12:00:00Z');
const delegation = (o: Partial<Delegation> = {}): Delegation => ({
  step: 'SALES_HEAD',
  delegator: 'sales.head',
  delegate: 'production.head',
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
    expect(authorityFor(deputy, 'SALES_HEAD', 'sales.head', [delegation()], now)).toMatchObject({ ok: false });
  });

  it('R4.1 a delegate of the same role decides within the period, on behalf of the delegator', () => {
    expect(authorityFor(deputy, 'SALES_HEAD', 'sales.staff', [delegation()], now)).toEqual({ ok: true, onBehalfOf: 'sales.head' });
    expect(authorityFor(deputy, 'SALES_HEAD', 'sales.staff', [delegation({ validTo: now })], now).ok).toBe(false);
    expect(authorityFor(deputy, 'SALES_HEAD', 'sales.staff', [delegation({ revokedAt: now })], now).ok).toBe(false);
    expect(authorityFor(deputy, 'FINANCE', 'sales.staff', [delegation()], now).ok).toBe(false);
    const staff = { username: 'production.staff', department: 'PRODUCTION', role: 'STAFF' } as const;
    expect(authorityFor(staff, 'SALES_HEAD', 'sales.staff', [delegation({ delegate: 'production.staff' })], now).ok).toBe(false);
  });
});
