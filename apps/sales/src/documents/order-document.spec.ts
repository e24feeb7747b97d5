import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { documentFingerprint, extractVerificationCode, pdfSha256, readVerificationCode } from './document-fingerprint';
import { formatMoney, formatQuantity } from './formatting';
import { type OrderDocumentData, renderOrderDocument } from './order-document';
import { PAGE } from './pdf-layout';
import { SEAL_COLOR } from './seal';
import { compactText, type ExtractedPdf, extractPdf } from '@opm/testing';
import { COMPANY, longOrder, sampleOrder } from './test/sample-order';

const compact = compactText;

/** The text whose baseline lies in a page's footer band, which the layout keeps for the footer alone. */
const footerBand = (pdf: ExtractedPdf, page: number): string =>
  compact(
    pdf.items[page]
      .filter((item) => item.y > pdf.heights[page] - PAGE.footer)
      .map((item) => item.str)
      .join(''),
  );
const footer = (data: OrderDocumentData, page: number, pages: number): string =>
  compact(`Verification code 校验码: ${data.verificationCode} Page ${page} / ${pages}
    Verify at /api/v1/orders/${data.orderId}/document/verify · 核验：上传本文件或输入校验码 · ${data.orderNumber}`);
/** How often `part` occurs in `text`, and where first. */
const occurrences = (text: string, part: string): { count: number; at: number } => ({ count: text.split(part).length - 1, at: text.indexOf(part) });
/** A4 in points. */
const A4_HEIGHT = 841.89;

// Rendering plus extraction by pdf.js in a child process: seconds each on a loaded 2-core machine.
jest.setTimeout(60_000);

describe('printable order document (R4.3)', () => {
  it('R4.3 renders a sealed, signed order whose extracted text has the order number, totals, signer and Chinese text', async () => {
    const data = sampleOrder();
    const pdf = await renderOrderDocument(data, COMPANY);
    writeFileSync(join(tmpdir(), 'order-sample.pdf'), pdf); // to look at (pdftoppm); the assertions do not need it

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const extracted = await extractPdf(pdf);
    const text = extracted.pages.join('\n');
    const flat = compact(text);

    expect(flat).toContain('SO-2026-000123');
    for (const line of data.lines) expect(flat).toContain(formatMoney(line.amount));
    expect(data.lines.map((l) => formatMoney(l.amount))).toEqual(['10,380.00', '16,480.00', '1,625.00']);
    expect(flat).toContain(compact('Total 合计 (CNY)28,485.00'));
    expect(flat).toContain(compact('Signed for and on behalf of Acme Precision Manufacturing Co., Ltd. by Zhang Wei 张伟, 2026-11-26 01:20 UTC'));
    for (const chinese of ['精密制造有限公司', '销售订单', '不锈钢法兰 DN100', '法兰表面钝化处理，刻印客户标识', '木箱包装，防潮', '客户', '交货', '付款', '数量', '单价', '金额', '特殊要求', '审批', '签字盖章', '订单专用章']) {
      expect(flat).toContain(compact(chinese));
    }
    // Customer, delivery, payment and the approval trail.
    expect(flat).toContain(compact('华东石化设备有限公司'));
    expect(flat).toContain(compact('上海港 Shanghai port, warehouse 3'));
    expect(flat).toContain(compact('30% advance, 70% within 30 days of delivery'));
    for (const approver of ['zhang.wei', 'chen.jie', 'liu.fang']) expect(flat).toContain(approver);
    expect(flat).toContain(compact('Finance review 财务审核'));

    // The verification code: printed on every page, and in the info dictionary.
    expect(data.verificationCode).toBe(documentFingerprint(data));
    expect(extractVerificationCode(text)).toBe(data.verificationCode);
    for (const page of extracted.pages) {
      expect(compact(page)).toContain(data.verificationCode);
      expect(compact(page)).toContain(compact(`Verify at /api/v1/orders/${data.orderId}/document/verify`));
    }
    expect(extracted.info.Title).toBe('SO-2026-000123');
    expect(String(extracted.info.Keywords)).toContain(`verification:${data.verificationCode}`);
    expect(String(extracted.info.Subject)).toContain(data.verificationCode);
    expect(readVerificationCode(pdf)).toBe(data.verificationCode);

    // Sealed, not a draft: the seal's red is drawn on the page with the signature.
    expect(flat).not.toContain('DRAFT');
    expect(extracted.colours.at(-1)).toContain(SEAL_COLOR);
    expect(pdfSha256(pdf)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('R4.3 continues a long order over pages with the header row repeated and the total on the last page', async () => {
    const data = longOrder(80);
    const extracted = await extractPdf(await renderOrderDocument(data, COMPANY));
    const pages = extracted.pages.map(compact);
    const total = formatMoney(data.totalAmount);

    expect(extracted.numPages).toBeGreaterThan(1);
    expect(pages.at(-1)).toContain(compact(`Order total 订单总额: CNY ${total}`));
    expect(pages[0]).not.toContain(total);
    const all = pages.join('');
    for (const line of data.lines) expect(all).toContain(`${line.productCode}`);
    // Every page that carries order lines starts the table with its header row.
    const linePages = pages.filter((p) => /P-\d{4}/.test(p));
    expect(linePages.length).toBeGreaterThan(1);
    for (const page of linePages) expect(page).toContain(compact('Product / specification 产品名称 / 规格'));
    for (const page of pages.slice(1)) expect(page).toContain(compact('(continued 续)'));
    pages.forEach((page, i) => expect(page).toContain(`Page${i + 1}/${pages.length}`));
  });

  it('R4.3 a short order (3 lines) fits on one A4 page with its total, terms, approvals, seal and code; so does its draft', async () => {
    for (const data of [sampleOrder(), sampleOrder({ signature: null })]) {
      const extracted = await extractPdf(await renderOrderDocument(data, COMPANY));
      const page = compact(extracted.pages[0]);

      expect({ sealed: data.signature !== null, pages: extracted.numPages }).toEqual({ sealed: data.signature !== null, pages: 1 });
      expect(extracted.heights[0]).toBeCloseTo(A4_HEIGHT, 1);
      for (const line of data.lines) expect(page).toContain(compact(`${line.lineNo} ${line.productCode}`));
      for (const part of ['Total 合计 (CNY)28,485.00', '特殊要求', '交货与付款', 'Finance review 财务审核', 'Order total 订单总额: CNY 28,485.00']) expect(page).toContain(compact(part));
      expect(extracted.colours[0].includes(SEAL_COLOR)).toBe(data.signature !== null);
      expect(footerBand(extracted, 0)).toBe(footer(data, 1, 1));
    }
  });

  it('R4.3 a 60-line order runs over pages: every line once and whole, in order, header rows repeated, nothing in the footer band', async () => {
    const data = longOrder(60);
    const extracted = await extractPdf(await renderOrderDocument(data, COMPANY));
    const pages = extracted.pages.map(compact);
    const count = extracted.numPages;
    expect(count).toBeGreaterThan(1);

    // A row as the table sets it, cell by cell: the number, code, name, specification, quantity, price, amount.
    const found = data.lines.map((line) => {
      const row = compact(
        [line.lineNo, line.productCode, line.productName, line.specification ?? '', formatQuantity(line.quantity), formatMoney(line.unitPrice), formatMoney(line.amount)].join(''),
      );
      const where = pages.map((page, index) => ({ page: index, ...occurrences(page, row) })).filter((w) => w.count > 0);
      expect({ lineNo: line.lineNo, where: where.map((w) => w.count) }).toEqual({ lineNo: line.lineNo, where: [1] });
      return where[0];
    });
    const inReadingOrder = [...found].sort((a, b) => a.page - b.page || a.at - b.at);
    expect(inReadingOrder).toEqual(found);

    const tableHeader = compact('No. 序号 Code 产品编码 Product / specification 产品名称 / 规格 Quantity 数量');
    const linePages = [...new Set(found.map((f) => f.page))];
    expect(linePages.length).toBeGreaterThan(1);
    for (const page of linePages) {
      const header = occurrences(pages[page], tableHeader);
      expect({ page, header: header.count, beforeFirstRow: header.at < Math.min(...found.filter((f) => f.page === page).map((f) => f.at)) }).toEqual({ page, header: 1, beforeFirstRow: true });
    }
    // The total stays with the last line; the seal is on the last page.
    expect(pages[found[found.length - 1].page]).toContain(compact(`Total 合计 (CNY) ${formatMoney(data.totalAmount)}`));
    expect(extracted.colours[count - 1]).toContain(SEAL_COLOR);
    for (let i = 0; i < count; i++) {
      if (i > 0) expect(pages[i]).toContain(compact('(continued 续)'));
      expect({ page: i + 1, footerBand: footerBand(extracted, i) }).toEqual({ page: i + 1, footerBand: footer(data, i + 1, count) });
    }
  });

  it('R4.3 a draft has no seal and says it is not issued', async () => {
    const data = sampleOrder({ signature: null, status: 'APPROVED' });
    const extracted = await extractPdf(await renderOrderDocument(data, COMPANY));
    const flat = compact(extracted.pages.join('\n'));

    expect(flat).toContain(compact('DRAFT — not issued'));
    expect(flat).toContain(compact('DRAFT — NOT ISSUED')); // the watermark
    expect(flat).toContain('未签发');
    expect(flat).not.toContain('Signedforandonbehalfof');
    expect(flat).not.toContain('订单专用章');
    for (const colours of extracted.colours) expect(colours).not.toContain(SEAL_COLOR);
    expect(extractVerificationCode(extracted.pages.join('\n'))).toBe(data.verificationCode);
  });

  it('R4.3 an English-only company name goes round the seal', async () => {
    const extracted = await extractPdf(await renderOrderDocument(sampleOrder(), { companyName: 'Acme Precision Manufacturing Co., Ltd.' }));
    const last = compact(extracted.pages.at(-1) ?? '');
    expect(last).toContain('ACMEPRECISIONMANUFACTURINGCO.,LTD.');
    expect(extracted.colours.at(-1)).toContain(SEAL_COLOR);
  });

  it('R4.3 takes another CJK font file when configured', async () => {
    const packaged = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
    const extracted = await extractPdf(await renderOrderDocument(sampleOrder(), { ...COMPANY, fontPath: packaged }));
    expect(compact(extracted.pages.join(''))).toContain('不锈钢法兰DN100');
    await expect(renderOrderDocument(sampleOrder(), { ...COMPANY, fontPath: '/nonexistent/font.ttf' })).rejects.toThrow(/font\.ttf/);
  });

  it('R4.3 refuses to render without a company name', async () => {
    await expect(renderOrderDocument(sampleOrder(), { companyName: ' ' })).rejects.toThrow(/companyName/);
  });
});
