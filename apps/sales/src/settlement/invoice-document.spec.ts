import { compactPages, extractPdf } from '@opm/testing';
import { SEAL_COLOR } from '../documents/seal';
import { COMPANY } from '../documents/test/sample-order';
import { invoiceBalance, renderInvoiceDocument } from './invoice-document';
import { APPROVED_LIST, SAMPLE_ORDER } from './test/settlement-sample';

jest.setTimeout(60_000);

describe('printable invoice', () => {
  const invoice = { invoiceId: '2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d', number: 'INV-2027-000007', amount: '1509.00', currency: 'CNY', issuedAt: '2027-03-03T01:00:00.000Z', dueDate: '2027-04-02', outstanding: '509.00' };
  const list = { ...APPROVED_LIST, invoice };
  const data = { ...SAMPLE_ORDER, list };

  it('R7.2 prints invoice number, dates, customer, order, delivered lines x price = amount, total, terms, paid and outstanding, bank reference, sealed', async () => {
    const pdf = await renderInvoiceDocument(data, { ...COMPANY, bankReference: 'ICBC Shanghai 6222 0000 1111' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const extracted = await extractPdf(pdf);
    const text = compactPages(extracted);
    for (const part of ['INVOICE', '发票', 'INV-2027-000007', '2027-04-02', 'SO-2027-000042', 'ShanghaiPrecisionMachineryCo.', 'P-100SteelflangeDN100', '98', '12.50', '1,225.00', '284.00', '1,509.00', '30daysnet', 'Paid已付1,000.00', 'Outstanding未付509.00', 'ICBCShanghai622200001111']) {
      expect({ part, found: text.includes(part) }).toEqual({ part, found: true });
    }
    expect(extracted.colours.flat()).toContain(SEAL_COLOR);
  });

  it('R7.2 without a configured bank reference none is printed; once settled it shows nothing outstanding', async () => {
    const pdf = await renderInvoiceDocument({ ...data, list: { ...list, paidAt: '2027-03-20T01:00:00.000Z' } }, COMPANY);
    const text = compactPages(await extractPdf(pdf));
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
