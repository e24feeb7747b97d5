import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  documentFingerprint,
  extractVerificationCode,
  formatMoney,
  pdfSha256,
  readVerificationCode,
  renderOrderDocument,
  SEAL_COLOR,
  type OrderDocumentData,
} from './order-document';
import { extractPdf } from './test/pdf-text';
import { COMPANY, longOrder, sampleOrder } from './test/sample-order';

/** Extracted text wraps lines and splits runs; compare without any whitespace. */
const compact = (text: string): string => text.replace(/\s+/g, '');

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

describe('verification code (R4.3)', () => {
  /** Every leaf of the data as a path, with a changed value for it. */
  function leafChanges(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; changed: unknown }[] {
    if (Array.isArray(value)) return value.flatMap((item, i) => leafChanges(item, [...path, i]));
    if (value !== null && typeof value === 'object') {
      return Object.entries(value).flatMap(([k, v]) => leafChanges(v, [...path, k]));
    }
    const changed = typeof value === 'number' ? value + 1 : value === null ? 'x' : `${String(value)}x`;
    return [{ path, changed }];
  }
  function withChange(data: OrderDocumentData, path: (string | number)[], changed: unknown): OrderDocumentData {
    const copy = structuredClone(data) as unknown as Record<string | number, unknown>;
    let target = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    target[path[path.length - 1]] = changed;
    return copy as unknown as OrderDocumentData;
  }
  /** The same data with every object's keys in reverse order. */
  function reversedKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(reversedKeys);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, reversedKeys(v)]),
      );
    }
    return value;
  }

  it('R4.3 the fingerprint changes when any issued field changes and not when key order changes', () => {
    const data = sampleOrder();
    const code = documentFingerprint(data);
    expect(code).toMatch(/^[0-9a-f]{64}$/);

    const reordered = reversedKeys(data) as OrderDocumentData;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(data)[0]);
    expect(documentFingerprint(reordered)).toBe(code);

    const changes = leafChanges(data).filter(({ path }) => path[0] !== 'status' && path[0] !== 'verificationCode');
    expect(changes.length).toBeGreaterThan(40);
    for (const { path, changed } of changes) {
      expect({ path, fingerprint: documentFingerprint(withChange(data, path, changed)) }).not.toEqual({ path, fingerprint: code });
    }
    // Structure counts too: a line dropped, lines swapped, an approval added, the signature removed.
    expect(documentFingerprint({ ...data, lines: data.lines.slice(1) })).not.toBe(code);
    expect(documentFingerprint({ ...data, lines: [...data.lines].reverse() })).not.toBe(code);
    expect(documentFingerprint({ ...data, approvals: [...data.approvals, data.approvals[0]] })).not.toBe(code);
    expect(documentFingerprint({ ...data, signature: null })).not.toBe(code);

    // Not content: the code itself, and the status, which moves on after issuance.
    expect(documentFingerprint({ ...data, verificationCode: 'anything' })).toBe(code);
    expect(documentFingerprint({ ...data, status: 'IN_PRODUCTION' })).toBe(code);
  });

  it('R4.3 finds no verification code where there is none', () => {
    expect(extractVerificationCode('Order SO-1, no code here')).toBeNull();
    expect(readVerificationCode(Buffer.from('%PDF-1.3 nothing'))).toBeNull();
  });

  it('formats money exactly with thousands separators', () => {
    expect(formatMoney('0')).toBe('0.00');
    expect(formatMoney('1234567.5')).toBe('1,234,567.50');
    expect(formatMoney('-1000.05')).toBe('-1,000.05');
    expect(formatMoney('999.99')).toBe('999.99');
  });
});
