import { composeEscalationMail, escalationRecipients } from './escalation-rules';
import { parseNotification } from './monitoring-stream';

describe('escalation rules', () => {
  const users = [
    { username: 'leader', department: 'MANAGEMENT' as const, role: 'LEADER', email: 'leader@acme.example' },
    { username: 'production.head', department: 'PRODUCTION' as const, role: 'HEAD', email: 'production.head@acme.example' },
    { username: 'production.staff', department: 'PRODUCTION' as const, role: 'STAFF', email: 'production.staff@acme.example' },
    { username: 'quality.head', department: 'QUALITY' as const, role: 'HEAD', email: 'quality.head@acme.example' },
    { username: 'purchasing.head', department: 'PURCHASING' as const, role: 'HEAD', email: null },
  ];

  it("R6.5 leadership and the affected department's head are told; staff and other heads are not; no address, no mail", () => {
    expect(escalationRecipients(users, 'PRODUCTION')).toEqual(['leader@acme.example', 'production.head@acme.example']);
    expect(escalationRecipients(users, 'PURCHASING')).toEqual(['leader@acme.example']);
    expect(escalationRecipients([], 'PRODUCTION')).toEqual([]);
  });

  it('R6.5 the mail names the order, what happened, the department and the dates at stake', () => {
    const mail = composeEscalationMail({ kind: 'MAJOR_PROBLEM', orderNumber: 'SO-2027-000042', department: 'PRODUCTION', summary: 'MAJOR EQUIPMENT_FAILURE: spindle broken', raisedAt: new Date('2027-03-01T08:00:00Z'), promisedDate: '2027-03-31', expectedDate: '2027-04-02' });
    expect(mail.subject).toBe('[Escalation] Major problem / 重大问题: SO-2027-000042');
    expect(mail.text).toContain('Details: MAJOR EQUIPMENT_FAILURE: spindle broken');
    expect(mail.text).toContain('Department: PRODUCTION');
    expect(mail.text).toContain('Promised delivery date: 2027-03-31');
    expect(mail.text).toContain('Expected delivery date: 2027-04-02');
  });

  it('R6.4 a change notification is `<seq>:<orderId>`; anything else is ignored', () => {
    expect(parseNotification('42:0b9f3c2e-8a7d-4e2b-9c1a-2f3e4d5c6b7a')).toEqual({ seq: 42n, orderId: '0b9f3c2e-8a7d-4e2b-9c1a-2f3e4d5c6b7a' });
    expect(parseNotification('x:0b9f3c2e-8a7d-4e2b-9c1a-2f3e4d5c6b7a')).toBeNull();
    expect(parseNotification(undefined)).toBeNull();
  });
});
