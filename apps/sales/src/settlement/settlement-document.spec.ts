import { compactPages, extractPdf } from '@opm/testing';
import { SEAL_COLOR } from '../documents/seal';
import { COMPANY } from '../documents/test/sample-order';
import { renderSettlementDocument } from './settlement-document';
import { SETTLEMENT_EXAMPLE } from './settlement.view';
import { APPROVED_LIST, SAMPLE_ORDER } from './test/settlement-sample';

jest.setTimeout(60_000);

describe('printable settlement list', () => {
  const approved = {
    ...APPROVED_LIST,
    orderedAmount: '1534.00',
    differsFromOrder: true,
    revision: 1,
    reconciliation: { agreedBy: 'Wang Fang', agreedAt: '2027-03-02T01:00:00.000Z', note: '2 flanges short' },
    review: { decision: 'APPROVE' as const, comment: 'ok', reviewedBy: 'finance.head', reviewedAt: '2027-03-03T01:00:00.000Z', revision: 1 },
    invoice: { invoiceId: '2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d', number: 'INV-2027-000001', amount: '1509.00', currency: 'CNY', issuedAt: '2027-03-03T01:00:00.000Z', dueDate: '2027-04-02' },
  };

  it('R7.1 R7.2 prints the lines with ordered and delivered quantities, the total beside the ordered amount, the reconciliation and the invoice, sealed once approved', async () => {
    const pdf = await renderSettlementDocument({ ...SAMPLE_ORDER, list: approved }, COMPANY);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const extracted = await extractPdf(pdf);
    const text = compactPages(extracted);
    for (const part of ['SETTLEMENTLIST', '结算清单', 'SO-2027-000042', 'ShanghaiPrecisionMachineryCo.', 'P-100SteelflangeDN100', '1,225.00', '1,509.00', '1,534.00', 'WangFang', 'INV-2027-000001', '2027-04-02', '30daysnet']) {
      expect({ part, found: text.includes(part) }).toEqual({ part, found: true });
    }
    expect(extracted.colours.flat()).toContain(SEAL_COLOR);
  });

  it('R7.2 a draft carries no seal', async () => {
    const pdf = await renderSettlementDocument({ ...SAMPLE_ORDER, list: SETTLEMENT_EXAMPLE }, COMPANY);
    const extracted = await extractPdf(pdf);
    expect(compactPages(extracted)).toContain('Draft草稿');
    expect(extracted.colours.flat()).not.toContain(SEAL_COLOR);
  });
});

