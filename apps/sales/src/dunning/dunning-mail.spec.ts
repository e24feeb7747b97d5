import { composeDunningMail } from './dunning-mail';

const facts = { invoiceNumber: 'INV-2027-000009', outstanding: 125_050, currency: 'CNY', dueDate: '2027-04-02', daysOverdue: 31, toName: 'Wang Fang' };

describe('dunning e-mail text', () => {
  it('R7.3 each level has its own wording and carries invoice number, amount outstanding, due date and days overdue', () => {
    const reminder = composeDunningMail({ ...facts, level: 'REMINDER' });
    const final = composeDunningMail({ ...facts, level: 'FINAL_NOTICE' });
    const legal = composeDunningMail({ ...facts, level: 'LEGAL' });
    expect(reminder.subject).toBe('Payment reminder / 付款提醒: INV-2027-000009');
    expect(final.subject).toBe('Final notice / 最后催款通知: INV-2027-000009');
    expect(legal.subject).toBe('Handed over to our legal department / 已移交法务部门: INV-2027-000009');
    expect(reminder.text).toContain('friendly reminder');
    expect(final.text).toContain('final notice before');
    expect(legal.text).toContain('handed over to our legal department');
    for (const mail of [reminder, final, legal]) {
      expect(mail.text).toContain('Dear Wang Fang,');
      expect(mail.text).toContain('Invoice: INV-2027-000009');
      expect(mail.text).toContain('Amount outstanding: 1,250.50 CNY');
      expect(mail.text).toContain('Due date: 2027-04-02');
      expect(mail.text).toContain('Days overdue: 31');
      expect(mail.text).toContain('逾期天数：31');
    }
  });
});
