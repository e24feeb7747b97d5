import { type SettlementRecord, settlementRecordsCsv } from './settlement-records';

const record: SettlementRecord = {
  paymentId: 'p1',
  paidAt: '2027-04-01T02:00:00.000Z',
  amount: '500.00',
  currency: 'CNY',
  method: 'BANK_TRANSFER',
  reference: 'TT-0042',
  customerId: 'c1',
  customerName: 'Shanghai Precision Machinery Co.',
  orderId: 'o1',
  orderNumber: 'SO-2027-000001',
  invoiceId: 'i1',
  invoiceNumber: 'INV-2027-000001',
  recordedBy: 'finance.staff',
};

describe('settlementRecordsCsv', () => {
  it('R7.4 a header and one row per payment: date, amount, method, customer, order, invoice', () => {
    expect(settlementRecordsCsv([record])).toBe(
      'paidAt,amount,currency,method,reference,customerId,customerName,orderNumber,invoiceNumber,recordedBy,paymentId,orderId,invoiceId\r\n' +
        '2027-04-01T02:00:00.000Z,500.00,CNY,BANK_TRANSFER,TT-0042,c1,Shanghai Precision Machinery Co.,SO-2027-000001,INV-2027-000001,finance.staff,p1,o1,i1\r\n',
    );
    expect(settlementRecordsCsv([])).toBe('paidAt,amount,currency,method,reference,customerId,customerName,orderNumber,invoiceNumber,recordedBy,paymentId,orderId,invoiceId\r\n');
  });

  it('R7.4 commas, quotes and line breaks are quoted; a missing reference is empty; formula-like text is defused', () => {
    const csv = settlementRecordsCsv([{ ...record, customerName: 'Harbin "Heavy" Parts, Trading', reference: null }, { ...record, reference: '=HYPERLINK("x")', customerName: 'line\nbreak' }]);
    const [, first, second] = csv.split('\r\n');
    expect(first).toContain(',BANK_TRANSFER,,c1,"Harbin ""Heavy"" Parts, Trading",');
    expect(second).toContain(`,"'=HYPERLINK(""x"")",c1,"line\nbreak",`);
  });
});
