import { SEAL_COLOR } from '../documents/seal';
import { extractPdf } from '@opm/testing';
import { renderSettlementDocument } from './settlement-document';
import { SETTLEMENT_EXAMPLE } from './settlement.view';

const compact = (text: string): string => text.replace(/\s+/g, '');
const COMPANY = { companyName: 'Acme Precision Manufacturing Co., Ltd.', companyNameZh: '精密制造有限公司' };

jest.setTimeout(60_000);

describe('printable settlement list', () => {
  const approved = {
    ...SETTLEMENT_EXAMPLE,
    status: 'APPROVED' as const,
    lines: [
      { lineNo: 1, productName: 'P-100 Steel flange DN100', specification: 'DN100 PN16', quantityOrdered: 100, quantityDelivered: 98, unitPrice: '12.50', amount: '1225.00' },
      { lineNo: 2, productName: 'Custom bracket', specification: '304 steel, 2 mm', quantityOrdered: 40, quantityDelivered: 40, unitPrice: '7.10', amount: '284.00' },
    ],
    totalAmount: '1509.00',
    orderedAmount: '1534.00',
    differsFromOrder: true,
    revision: 1,
    reconciliation: { agreedBy: 'Wang Fang', agreedAt: '2027-03-02T01:00:00.000Z', note: '2 flanges short' },
    review: { decision: 'APPROVE' as const, comment: 'ok', reviewedBy: 'finance.head', reviewedAt: '2027-03-03T01:00:00.000Z', revision: 1 },
    invoice: { invoiceId: '2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d', number: 'INV-2027-000001', amount: '1509.00', currency: 'CNY', issuedAt: '2027-03-03T01:00:00.000Z', dueDate: '2027-04-02' },
  };

  it('R7.1 R7.2 prints the lines with ordered and delivered quantities, the total beside the ordered amount, the reconciliation and the invoice, sealed once approved', async () => {
    const pdf = await renderSettlementDocument({ orderNumber: 'SO-2027-000042', customerName: 'Shanghai Precision Machinery Co.', list: approved }, COMPANY);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const extracted = await extractPdf(pdf);
    const text = compact(extracted.pages.join(''));
    for (const part of ['SETTLEMENTLIST', '结算清单', 'SO-2027-000042', 'ShanghaiPrecisionMachineryCo.', 'P-100SteelflangeDN100', '1,225.00', '1,509.00', '1,534.00', 'WangFang', 'INV-2027-000001', '2027-04-02', '30daysnet']) {
      expect({ part, found: text.includes(part) }).toEqual({ part, found: true });
    }
    expect(extracted.colours.flat()).toContain(SEAL_COLOR);
  });

  it('R7.2 a draft carries no seal', async () => {
    const pdf = await renderSettlementDocument({ orderNumber: 'SO-2027-000042', customerName: 'Shanghai Precision Machinery Co.', list: SETTLEMENT_EXAMPLE }, COMPANY);
    const extracted = await extractPdf(pdf);
    expect(compact(extracted.pages.join(''))).toContain('Draft草稿');
    expect(extracted.colours.flat()).not.toContain(SEAL_COLOR);
  });
});

