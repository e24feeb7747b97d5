import { disputeAllows, disputeIsOpen, disputeRefusal } from './dispute-rules';

describe('dispute rules', () => {
  it('R7.3 an open dispute is escalated to legal or resolved; an escalated one only resolved; a resolved one is final', () => {
    expect(disputeAllows('OPEN', 'escalate')).toBe(true);
    expect(disputeAllows('OPEN', 'resolve')).toBe(true);
    expect(disputeAllows('ESCALATED', 'escalate')).toBe(false);
    expect(disputeAllows('ESCALATED', 'resolve')).toBe(true);
    expect(disputeAllows('RESOLVED', 'resolve')).toBe(false);
    expect(disputeAllows('RESOLVED', 'escalate')).toBe(false);
  });

  it('R7.3 the invoice stays DISPUTED until the dispute is resolved, escalated or not', () => {
    expect(disputeIsOpen('OPEN')).toBe(true);
    expect(disputeIsOpen('ESCALATED')).toBe(true);
    expect(disputeIsOpen('RESOLVED')).toBe(false);
  });

  it('R7.3 only an unpaid invoice not already under dispute can be disputed', () => {
    expect(disputeRefusal('OPEN', 0)).toBeNull();
    expect(disputeRefusal('PARTIALLY_PAID', 0)).toBeNull();
    expect(disputeRefusal('PAID', 0)).toContain('PAID');
    expect(disputeRefusal('VOID', 0)).toContain('VOID');
    expect(disputeRefusal('DISPUTED', 1)).toContain('already under dispute');
  });
});
