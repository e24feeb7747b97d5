import { SEAL_COLOR } from '../documents/seal';
import { extractPdf } from '@opm/testing';
import { invoiceBalance, renderInvoiceDocument } from './invoice-document';
import { SETTLEMENT_EXAMPLE } from './settlement.view';

const compact = (text: string): string => text.replace(/\s+/g, '');
const COMPANY = { companyName: 'Acme Precision Manufacturing Co., Ltd.', companyNameZh: '精密制造有限公司' };

jest.setTimeout(60_000);

describe('printable invoice', () => {
  const invoice = { invoiceId: '2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d', number: 'INV-2027-000007', amount: '1509.00', currency: 'CNY', issuedAt: '2027-03-03T01:00:00.000Z', dueDate: '2027-04-02', outstanding: '509.00' };
  const list = {
    ...SETTLEMENT_EXAMPLE,
    status: 'APPROVED' as const,
    lines: [
      { lineNo: 1, productName: 'P-100 Steel flange DN100', specification: 'DN100 PN16', quantityOrdered: 100, quantityDelivered: 98, unitPrice: '12.50', amount: '1225.00' },
      { lineNo: 2, productName: 'Custom bracket', specification: '304 steel, 2 mm', quantityOrdered: 40, quantityDelivered: 40, unitPrice: '7.10', amount: '284.00' },
    ],
    totalAmount: '1509.00',
    invoice,
  };
  const data = { orderNumber: 'SO-2027-000042', customerName: 'Shanghai Precision Machinery Co.', list };

  it('R7.2 prints invoice number, dates, customer, order, delivered lines x price = amount, total, terms, paid and outstanding, bank reference, sealed', async () => {
    const pdf = await renderInvoiceDocument(data, { ...COMPANY, bankReference: 'ICBC Shanghai 6222 0000 1111' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const extracted = await extractPdf(pdf);
    const text = compact(extracted.pages.join(''));
    for (const part of ['INVOICE', '发票', 'INV-2027-000007', '2027-04-02', 'SO-2027-000042', 'ShanghaiPrecisionMachineryCo.', 'P-100SteelflangeDN100', '98', '12.50', '1,225.00', '284.00', '1,509.00', '30daysnet', 'Paid已付1,000.00', 'Outstanding未付509.00', 'ICBCShanghai622200001111']) {
      expect({ part, found: text.includes(part) }).toEqual({ part, found: true });
    }
    expect(extracted.colours.flat()).toContain(SEAL_COLOR);
  });

  it('R7.2 without a configured bank reference none is printed; once settled it shows nothing outstanding', async () => {
    const pdf = await renderInvoiceDocument({ ...data, list: { ...list, paidAt: '2027-03-20T01:00:00.000Z' } }, COMPANY);
    const text = compact((await extractPdf(pdf)).pages.join(''));
    expect(text).not.toContain('Bank/reference');
    expect(text).toContain('Paid已付1,509.00');
    expect(text).toContain('Outstanding未付0.00');
  });

  it('R7.2 balance: nothing heard = all outstanding; a payment event = its outstanding; settled = all paid', () => {
    expect(invoiceBalance({ amount: '100.00' }, null)).toEqual({ paid: '0.00', outstanding: '100.00' });
    expect(invoiceBalance({ amount: '100.00', outstanding: '30.50' }, null)).toEqual({ paid: '69.50', outstanding: '30.50' });
    expect(invoiceBalance({ amount: '100.00', outstanding: '30.50' }, '2027-01-01T00:00:00Z')).toEqual({ paid: '100.00', outstanding: '0.00' });
  });
});
