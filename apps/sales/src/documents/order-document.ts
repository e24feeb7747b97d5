import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { fromMinorUnits, toMinorUnits } from '@opm/contracts';
import type { OrderLine, SpecialRequirements } from '@opm/contracts';
import { canonicalJson } from '@opm/platform';

/*
 * The printable order (R4.3): an A4 PDF drawn with pdfkit. Text is set in Noto Sans Hans (the Simplified
 * Chinese Noto Sans CJK cut, OFL) from the npm package @embedpdf/fonts-sc, so Chinese renders without any
 * system font; pdfkit embeds only the glyphs used. The company seal is vector graphics, not an image.
 *
 * The PDF bytes are not reproducible (pdfkit writes the creation date and a random document id), so what
 * identifies the issued content is documentFingerprint(): a SHA-256 over a canonical JSON of the data. The
 * caller computes it at issuance, keeps it, and passes it in as verificationCode; it is printed in every
 * page's footer and written into the info dictionary (Subject and Keywords), where readVerificationCode()
 * finds it again without OCR.
 */

/** A line as the order carries it; money as decimal strings (N3). */
export type OrderDocumentLine = OrderLine;

export interface OrderDocumentCustomer {
  name: string;
  contactPerson: string | null;
  phone: string | null;
  address: string | null;
}

export type OrderDocumentSpecialRequirements = SpecialRequirements;

export interface OrderDocumentApproval {
  /** An approval step (SALES_HEAD, DIVISION_LEADER, FINANCE) or any other label. */
  step: string;
  /** APPROVED, REJECTED, PENDING, SKIPPED, CANCELLED or any other label. */
  status: string;
  decidedBy: string | null;
  /** ISO-8601 timestamp. */
  decidedAt: string | null;
  comment: string | null;
}

export interface OrderDocumentSignature {
  signedBy: string;
  /** ISO-8601 timestamp. */
  signedAt: string;
}

export interface OrderDocumentData {
  orderId: string;
  orderNumber: string;
  /** Printed, but not part of the fingerprint (a status moves on after issuance; the content does not). */
  status: string;
  /** ISO date (YYYY-MM-DD) or timestamp. */
  issueDate: string;
  customer: OrderDocumentCustomer;
  lines: readonly OrderDocumentLine[];
  currency: string;
  totalAmount: string;
  deliveryDate: string | null;
  deliveryPlace: string | null;
  paymentTerms: string | null;
  specialRequirements: OrderDocumentSpecialRequirements;
  approvals: readonly OrderDocumentApproval[];
  /** null: a draft, printed with a "DRAFT — not issued" watermark and without the seal. */
  signature: OrderDocumentSignature | null;
  /** documentFingerprint(data), computed by the caller; printed in the footer and the info dictionary. */
  verificationCode: string;
}

export interface OrderDocumentOptions {
  companyName: string;
  companyNameZh?: string;
  /** A TTF/OTF/TTC with CJK glyphs to use instead of the packaged Noto Sans Hans (regular and bold). */
  fontPath?: string;
  /** The face to take from a .ttc collection given as fontPath, e.g. 'NotoSansCJKsc-Regular'. */
  fontFamily?: string;
  /** The seal's bottom line; default 订单专用章 (order seal). */
  sealLabel?: string;
  /** IANA time zone for printed timestamps; default UTC. */
  timeZone?: string;
}

/** Fields that are not issued content: the status moves on, and the code cannot cover itself. */
const NOT_FINGERPRINTED: ReadonlySet<string> = new Set(['status', 'verificationCode']);

/**
 * The verification code of the issued content: SHA-256 (hex) of the data as canonical JSON (object keys
 * sorted, no whitespace), without status and verificationCode. Key order does not matter; every other
 * field, down to one character of one comment, does.
 */
export function documentFingerprint(data: OrderDocumentData): string {
  const content = Object.fromEntries(Object.entries(data).filter(([key]) => !NOT_FINGERPRINTED.has(key)));
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

const CODE_IN_TEXT = /verification code[^0-9a-f]{0,40}([0-9a-f]{64})/i;
const CODE_IN_INFO = /verification:([0-9a-f]{64})/;

/** The verification code printed on the page, from text extracted out of the PDF. */
export function extractVerificationCode(pdfText: string): string | null {
  return CODE_IN_TEXT.exec(pdfText)?.[1]?.toLowerCase() ?? null;
}

/**
 * The verification code from a PDF's info dictionary (Keywords "verification:<code>"), read from the raw
 * bytes: pdfkit writes the info dictionary uncompressed and in ASCII. A PDF re-saved by another program may
 * compress it; then this returns null and the code has to come from the page text.
 */
export function readVerificationCode(pdf: Buffer): string | null {
  return CODE_IN_INFO.exec(pdf.toString('latin1'))?.[1] ?? null;
}

/** SHA-256 (hex) of the PDF bytes: keep it at issuance to recognise an unaltered copy of the issued file. */
export function pdfSha256(pdf: Buffer): string {
  return createHash('sha256').update(pdf).digest('hex');
}

// ---------------------------------------------------------------------------------------------------------
// Fonts

const PACKAGED_FONTS = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;
let packagedFonts: { regular: Buffer; bold: Buffer } | undefined;

/** The packaged CJK fonts, read once (8 MB each; pdfkit subsets what a document uses). */
function loadPackagedFonts(): { regular: Buffer; bold: Buffer } {
  if (!packagedFonts) {
    const dir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    const read = (file: string): Buffer => {
      const path = join(dir, file);
      if (!existsSync(path)) throw new Error(`CJK font ${path} not found: is the npm package @embedpdf/fonts-sc installed?`);
      return readFileSync(path);
    };
    packagedFonts = { regular: read(PACKAGED_FONTS.regular), bold: read(PACKAGED_FONTS.bold) };
  }
  return packagedFonts;
}

const F = { regular: 'doc-regular', bold: 'doc-bold', mono: 'Courier' } as const;

// ---------------------------------------------------------------------------------------------------------
// Formatting

/** "12500" -> "12,500.00" (exact: through minor units, never a float). */
export function formatMoney(amount: string): string {
  const fixed = fromMinorUnits(toMinorUnits(amount));
  const negative = fixed.startsWith('-');
  const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

function formatQuantity(quantity: number): string {
  return quantity.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** "2026-11-26" stays as it is; a timestamp becomes "2026-11-26 14:05 UTC" in the given zone. */
function formatDateTime(value: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${timeZone}`;
}

const STEP_LABELS: Record<string, string> = {
  SALES_HEAD: 'Sales head review\n销售主管审核',
  DIVISION_LEADER: 'Division leader approval\n分管领导审批',
  FINANCE: 'Finance review\n财务审核',
};
const DECISION_LABELS: Record<string, string> = {
  APPROVED: 'Approved 同意',
  REJECTED: 'Rejected 驳回',
  PENDING: 'Pending 待审批',
  SKIPPED: 'Not required 无需审批',
  CANCELLED: 'Cancelled 已取消',
};

const dash = (value: string | null | undefined): string => (value === null || value === undefined || value.trim() === '' ? '—' : value);

// ---------------------------------------------------------------------------------------------------------
// Layout

const PAGE = { margin: 48, top: 44, footer: 58 } as const;
/** The seal's red (exported so a test can tell a sealed page from an unsealed one). */
export const SEAL_COLOR = '#d7141a';
const COLOR = { text: '#1a1a1a', muted: '#666666', rule: '#b8b8b8', headerFill: '#e9edf2', zebra: '#f7f8fa', seal: SEAL_COLOR, draft: '#9c1c1c', accent: '#1f3a5f' } as const;
const SIZE = { body: 9, small: 7.5, table: 8.5 } as const;
/** About 40 mm across, the size of a company seal. */
const SEAL_RADIUS = 57;

type Align = 'left' | 'right' | 'center';
interface Column {
  header: string;
  width: number;
  align?: Align;
}
interface Cell {
  text: string;
  /** A smaller grey second paragraph (e.g. a line's specification). */
  note?: string;
  bold?: boolean;
}

type Doc = PDFKit.PDFDocument;

class OrderPdf {
  readonly doc: Doc;
  private readonly left = PAGE.margin;
  private readonly width: number;
  private readonly timeZone: string;
  private readonly companyName: string;
  private readonly companyNameZh: string | undefined;

  constructor(
    private readonly data: OrderDocumentData,
    private readonly options: OrderDocumentOptions,
  ) {
    this.companyName = options.companyName;
    this.companyNameZh = options.companyNameZh;
    this.timeZone = options.timeZone ?? 'UTC';
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.top, bottom: PAGE.footer, left: PAGE.margin, right: PAGE.margin },
      bufferPages: true,
      autoFirstPage: true,
      info: {
        Title: data.orderNumber,
        Author: options.companyName,
        Subject: `Sales order ${data.orderNumber}; verification code ${data.verificationCode}`,
        Keywords: `order:${data.orderNumber} verification:${data.verificationCode}`,
        Creator: 'OPM sales',
      },
    });
    this.width = this.doc.page.width - 2 * PAGE.margin;
    this.registerFonts();
    this.doc.on('pageAdded', () => this.runningHeader());
  }

  private registerFonts(): void {
    const { fontPath, fontFamily } = this.options;
    if (fontPath) {
      if (!existsSync(fontPath)) throw new Error(`order document font ${fontPath} not found`);
      this.doc.registerFont(F.regular, fontPath, fontFamily);
      this.doc.registerFont(F.bold, fontPath, fontFamily);
    } else {
      const fonts = loadPackagedFonts();
      this.doc.registerFont(F.regular, fonts.regular);
      this.doc.registerFont(F.bold, fonts.bold);
    }
  }

  private get bottom(): number {
    return this.doc.page.height - PAGE.footer;
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private text(value: string, x: number, y: number, width: number, opts: { font?: string; size?: number; color?: string; align?: Align } = {}): number {
    const doc = this.doc;
    doc
      .font(opts.font ?? F.regular)
      .fontSize(opts.size ?? SIZE.body)
      .fillColor(opts.color ?? COLOR.text);
    doc.text(value, x, y, { width, align: opts.align ?? 'left', lineGap: 1 });
    return doc.y;
  }

  private rule(y: number, color: string = COLOR.rule, weight = 0.6): void {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(weight)
      .strokeColor(color)
      .stroke();
  }

  // --- page furniture -----------------------------------------------------------------------------------

  private companyHeader(): void {
    const doc = this.doc;
    const top = PAGE.top;
    this.text(this.companyName, this.left, top, this.width * 0.62, { font: F.bold, size: 14, color: COLOR.accent });
    if (this.companyNameZh) this.text(this.companyNameZh, this.left, doc.y + 1, this.width * 0.62, { font: F.bold, size: 12, color: COLOR.accent });
    const leftBottom = doc.y;
    const titleX = this.left + this.width * 0.62;
    const titleWidth = this.width * 0.38;
    this.text('SALES ORDER', titleX, top, titleWidth, { font: F.bold, size: 14, align: 'right' });
    this.text('销售订单', titleX, doc.y + 1, titleWidth, { font: F.bold, size: 12, align: 'right' });
    const y = Math.max(leftBottom, doc.y) + 6;
    this.rule(y, COLOR.accent, 1.5);
    doc.y = y + 10;
  }

  private runningHeader(): void {
    const doc = this.doc;
    const top = PAGE.top;
    const name = this.companyNameZh ? `${this.companyName}  ${this.companyNameZh}` : this.companyName;
    this.text(name, this.left, top, this.width * 0.6, { font: F.bold, size: SIZE.body, color: COLOR.accent });
    this.text(`Order 订单 ${this.data.orderNumber} (continued 续)`, this.left + this.width * 0.6, top, this.width * 0.4, {
      size: SIZE.body,
      align: 'right',
    });
    const y = doc.y + 4;
    this.rule(y, COLOR.accent, 1);
    doc.y = y + 10;
  }

  /** Footer on every page, drawn once all pages exist (page n of N). */
  private footers(): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing inside the bottom margin must not open a new page
      const y = doc.page.height - PAGE.footer + 14;
      this.rule(y - 5);
      const label = 'Verification code 校验码: ';
      doc.font(F.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
      doc.text(label, this.left, y, { lineBreak: false });
      const labelWidth = doc.widthOfString(label);
      doc.font(F.mono).fontSize(SIZE.small).fillColor(COLOR.text);
      doc.text(this.data.verificationCode, this.left + labelWidth, y + 0.5, { lineBreak: false });
      doc.font(F.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
      doc.text(`Page ${i - range.start + 1} / ${range.count}`, this.left, y, { width: this.width, align: 'right', lineBreak: false });
      doc.text(
        `Verify at /api/v1/orders/${this.data.orderId}/document/verify  ·  核验：上传本文件或输入校验码 · ${this.data.orderNumber}`,
        this.left,
        y + 11,
        { width: this.width, lineBreak: false },
      );
      doc.page.margins.bottom = bottomMargin;
    }
  }

  /** A draft says so on every page, diagonally, and carries no seal. */
  private draftWatermarks(): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const cx = doc.page.width / 2;
      const cy = doc.page.height / 2;
      doc.save();
      doc.rotate(-35, { origin: [cx, cy] });
      doc.fillColor('#c0c0c0').fillOpacity(0.35);
      doc.font(F.bold).fontSize(46);
      doc.text('DRAFT — NOT ISSUED', cx - 330, cy - 60, { width: 660, align: 'center', lineBreak: false });
      doc.fontSize(34).text('草稿 · 未签发', cx - 330, cy + 2, { width: 660, align: 'center', lineBreak: false });
      doc.restore();
      doc.page.margins.bottom = bottomMargin;
    }
  }

  // --- sections -----------------------------------------------------------------------------------------

  private sectionTitle(en: string, zh: string, keepWith = 60): void {
    this.ensureSpace(18 + keepWith);
    const y = this.doc.y + 6;
    this.text(`${en}  ${zh}`, this.left, y, this.width, { font: F.bold, size: 10, color: COLOR.accent });
    const below = this.doc.y + 1;
    this.rule(below, COLOR.accent, 0.8);
    this.doc.y = below + 5;
  }

  private orderTitle(): void {
    const doc = this.doc;
    const { data } = this;
    const y = doc.y;
    this.text('Order No. 订单号', this.left, y, 200, { size: SIZE.small, color: COLOR.muted });
    this.text(data.orderNumber, this.left, doc.y, this.width * 0.6, { font: F.bold, size: 22 });
    const afterNumber = doc.y;
    const metaX = this.left + this.width * 0.55;
    const metaW = this.width * 0.45;
    this.text(`Issue date 签发日期: ${formatDateTime(data.issueDate, this.timeZone)}`, metaX, y + 2, metaW, { align: 'right' });
    this.text(`Status 状态: ${data.status}`, metaX, doc.y + 1, metaW, { align: 'right' });
    this.text(`Currency 币种: ${data.currency}`, metaX, doc.y + 1, metaW, { align: 'right' });
    doc.y = Math.max(afterNumber, doc.y) + 6;
  }

  /** Label/value pairs in two columns. */
  private fieldGrid(fields: readonly [string, string][], columns = 2): void {
    const doc = this.doc;
    const gap = 16;
    const colWidth = (this.width - gap * (columns - 1)) / columns;
    const labelWidth = columns === 1 ? 140 : 96;
    for (let i = 0; i < fields.length; i += columns) {
      const row = fields.slice(i, i + columns);
      const heights = row.map(([label, value]) => {
        doc.font(F.regular).fontSize(SIZE.body);
        return Math.max(doc.heightOfString(value, { width: colWidth - labelWidth, lineGap: 1 }), doc.heightOfString(label, { width: labelWidth - 4, lineGap: 1 }));
      });
      const height = Math.max(...heights);
      this.ensureSpace(height + 4);
      const y = doc.y;
      row.forEach(([label, value], c) => {
        const x = this.left + c * (colWidth + gap);
        this.text(label, x, y, labelWidth - 4, { size: SIZE.body, color: COLOR.muted });
        this.text(value, x + labelWidth, y, colWidth - labelWidth);
      });
      doc.y = y + height + 3;
    }
  }

  private cellHeight(cell: Cell, width: number): number {
    const doc = this.doc;
    doc.font(cell.bold ? F.bold : F.regular).fontSize(SIZE.table);
    let height = doc.heightOfString(cell.text || ' ', { width, lineGap: 1 });
    if (cell.note) {
      doc.font(F.regular).fontSize(SIZE.small);
      height += 1 + doc.heightOfString(cell.note, { width, lineGap: 1 });
    }
    return height;
  }

  /** A table that continues over pages, repeating its header row on each. */
  private table(columns: readonly Column[], rows: readonly (readonly Cell[])[]): void {
    const doc = this.doc;
    const pad = 4;
    const maxCellHeight = 260;
    const drawRow = (cells: readonly Cell[], header: boolean, zebra: boolean): void => {
      const height = Math.min(maxCellHeight, Math.max(...cells.map((cell, i) => this.cellHeight(cell, columns[i].width - 2 * pad)))) + 2 * pad;
      const y = doc.y;
      if (header || zebra) {
        doc.rect(this.left, y, this.width, height).fill(header ? COLOR.headerFill : COLOR.zebra);
      }
      let x = this.left;
      cells.forEach((cell, i) => {
        const col = columns[i];
        const w = col.width - 2 * pad;
        doc
          .font(header || cell.bold ? F.bold : F.regular)
          .fontSize(SIZE.table)
          .fillColor(COLOR.text);
        doc.text(cell.text, x + pad, y + pad, { width: w, align: col.align ?? 'left', lineGap: 1, height: maxCellHeight, ellipsis: true });
        if (cell.note) {
          doc.font(F.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
          doc.text(cell.note, x + pad, doc.y + 1, { width: w, align: col.align ?? 'left', lineGap: 1 });
        }
        x += col.width;
      });
      doc.y = y + height;
      this.rule(doc.y, header ? COLOR.accent : COLOR.rule, header ? 0.8 : 0.4);
    };
    const headerCells = columns.map((c) => ({ text: c.header }));
    const headerHeight = Math.max(...headerCells.map((cell, i) => this.cellHeight(cell, columns[i].width - 8))) + 8;

    this.ensureSpace(headerHeight + 24);
    drawRow(headerCells, true, false);
    rows.forEach((cells, index) => {
      const height = Math.min(maxCellHeight, Math.max(...cells.map((cell, i) => this.cellHeight(cell, columns[i].width - 2 * pad)))) + 2 * pad;
      if (doc.y + height > this.bottom) {
        doc.addPage();
        drawRow(headerCells, true, false);
      }
      drawRow(cells, false, index % 2 === 1);
    });
    doc.y += 4;
  }

  private customer(): void {
    const { customer } = this.data;
    this.sectionTitle('Customer', '客户', 50);
    this.fieldGrid([
      ['Customer 客户', customer.name],
      ['Contact 联系人', dash(customer.contactPerson)],
      ['Phone 电话', dash(customer.phone)],
      ['Address 地址', dash(customer.address)],
    ]);
  }

  private lines(): void {
    const { data } = this;
    this.sectionTitle('Order lines', '订单明细', 70);
    const fixed = 26 + 74 + 56 + 78 + 90;
    const columns: Column[] = [
      { header: 'No.\n序号', width: 26, align: 'center' },
      { header: 'Code\n产品编码', width: 74 },
      { header: 'Product / specification\n产品名称 / 规格', width: this.width - fixed },
      { header: 'Quantity\n数量', width: 56, align: 'right' },
      { header: `Unit price\n单价 (${data.currency})`, width: 78, align: 'right' },
      { header: `Amount\n金额 (${data.currency})`, width: 90, align: 'right' },
    ];
    const rows = [...data.lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((line): Cell[] => [
        { text: String(line.lineNo) },
        { text: dash(line.productCode) },
        { text: dash(line.productName), note: line.specification ?? undefined },
        { text: formatQuantity(line.quantity) },
        { text: formatMoney(line.unitPrice) },
        { text: formatMoney(line.amount) },
      ]);
    this.table(columns, rows);
    this.totals();
  }

  private totals(): void {
    const doc = this.doc;
    const { data } = this;
    this.ensureSpace(30);
    const boxWidth = 250;
    const x = this.left + this.width - boxWidth;
    const y = doc.y + 2;
    doc.rect(x, y, boxWidth, 22).fill(COLOR.headerFill);
    this.text(`Total 合计 (${data.currency})`, x + 6, y + 5, 110, { font: F.bold, size: 10 });
    this.text(formatMoney(data.totalAmount), x + 110, y + 5, boxWidth - 116, { font: F.bold, size: 10, align: 'right' });
    this.text(`${data.lines.length} line(s) 共 ${data.lines.length} 项`, this.left, y + 6, this.width - boxWidth - 10, { size: SIZE.small, color: COLOR.muted });
    doc.y = y + 28;
  }

  private specialRequirements(): void {
    const sr = this.data.specialRequirements;
    this.sectionTitle('Special requirements', '特殊要求', 40);
    this.fieldGrid(
      [
        ['Customisation 定制', dash(sr.customization)],
        ['Packaging 包装', dash(sr.packaging)],
        ['Transport 运输方式', dash(sr.transportMode)],
        ['Other 其他', dash(sr.other)],
      ],
      1,
    );
  }

  private deliveryAndPayment(): void {
    const { data } = this;
    this.sectionTitle('Delivery and payment', '交货与付款', 40);
    this.fieldGrid(
      [
        ['Delivery date 交货日期', data.deliveryDate ? formatDateTime(data.deliveryDate, this.timeZone) : '—'],
        ['Delivery place 交货地点', dash(data.deliveryPlace)],
        ['Payment terms 付款条件', dash(data.paymentTerms)],
      ],
      1,
    );
  }

  private approvals(): void {
    const { data } = this;
    this.sectionTitle('Approval trail', '审批记录', 50);
    if (data.approvals.length === 0) {
      this.text('No approvals recorded 暂无审批记录', this.left, this.doc.y, this.width, { color: COLOR.muted });
      this.doc.y += 4;
      return;
    }
    const fixed = 122 + 86 + 74 + 108;
    const columns: Column[] = [
      { header: 'Step\n审批步骤', width: 122 },
      { header: 'Decision\n结果', width: 86 },
      { header: 'By\n审批人', width: 74 },
      { header: 'Date\n时间', width: 108 },
      { header: 'Comment\n意见', width: this.width - fixed },
    ];
    this.table(
      columns,
      data.approvals.map((a): Cell[] => [
        { text: STEP_LABELS[a.step] ?? a.step },
        { text: DECISION_LABELS[a.status] ?? a.status },
        { text: dash(a.decidedBy) },
        { text: a.decidedAt ? formatDateTime(a.decidedAt, this.timeZone) : '—' },
        { text: dash(a.comment) },
      ]),
    );
  }

  private signatureBlock(): void {
    const doc = this.doc;
    const { data } = this;
    const blockHeight = 170;
    this.sectionTitle('Signature and seal', '签字盖章', blockHeight);
    const top = doc.y + 2;
    const textWidth = this.width * 0.62;
    const total = `${data.currency} ${formatMoney(data.totalAmount)}`;
    if (data.signature) {
      const signedAt = formatDateTime(data.signature.signedAt, this.timeZone);
      this.text(`Signed for and on behalf of ${this.companyName} by ${data.signature.signedBy}, ${signedAt}.`, this.left, top, textWidth, { size: 10 });
      this.text(
        `本订单由 ${data.signature.signedBy} 代表${this.companyNameZh ?? this.companyName}签署，签署时间 ${signedAt}。`,
        this.left,
        doc.y + 3,
        textWidth,
      );
      this.text(`Order total 订单总额: ${total}`, this.left, doc.y + 3, textWidth, { font: F.bold });
      const lineY = doc.y + 52;
      const lineLength = 230;
      this.text(data.signature.signedBy, this.left + 4, lineY - 18, lineLength, { font: F.bold, size: 13, color: COLOR.accent });
      doc
        .moveTo(this.left, lineY)
        .lineTo(this.left + lineLength, lineY)
        .lineWidth(0.6)
        .strokeColor(COLOR.text)
        .stroke();
      this.text('Authorised signature 授权签字', this.left, lineY + 3, lineLength, { size: SIZE.small, color: COLOR.muted });
      // The seal is stamped over the end of the signature line, overlapping the block as on paper.
      const radius = SEAL_RADIUS;
      drawSeal(doc, {
        cx: this.left + lineLength - 20,
        cy: lineY,
        radius,
        name: this.companyNameZh ?? this.companyName.toUpperCase(),
        label: this.options.sealLabel ?? '订单专用章',
        font: F.bold,
      });
      doc.y = Math.max(doc.y, lineY + radius + 6);
    } else {
      this.text('DRAFT — not issued. This order has not been signed or sealed and is not a valid order document.', this.left, top, this.width, {
        font: F.bold,
        size: 10,
        color: COLOR.draft,
      });
      this.text('草稿——未签发：本订单尚未签字盖章，不作为正式订单。', this.left, doc.y + 3, this.width, { font: F.bold, color: COLOR.draft });
      this.text(`Order total 订单总额: ${total}`, this.left, doc.y + 6, this.width, { font: F.bold });
      doc.y += 6;
    }
  }

  render(): Promise<Buffer> {
    const doc = this.doc;
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    this.companyHeader();
    this.orderTitle();
    this.customer();
    this.lines();
    this.specialRequirements();
    this.deliveryAndPayment();
    this.approvals();
    this.signatureBlock();
    if (!this.data.signature) this.draftWatermarks();
    this.footers();
    doc.end();
    return done;
  }
}

export interface SealSpec {
  cx: number;
  cy: number;
  radius: number;
  /** Set along the upper arc, clockwise, as on a Chinese company seal. */
  name: string;
  /** Set straight under the star. */
  label: string;
  font: string;
}

/** The company seal: a red ring, the name along the ring, a five-pointed star, and a label under it. */
export function drawSeal(doc: Doc, seal: SealSpec): void {
  const { cx, cy, radius: r } = seal;
  const ring = r * 0.065;
  doc.save();
  doc.fillColor(COLOR.seal).strokeColor(COLOR.seal).fillOpacity(0.9).strokeOpacity(0.9);
  doc.circle(cx, cy, r - ring / 2).lineWidth(ring).stroke();

  // Five-pointed star (points at 90° + k·72°, inner radius × 0.382 as on the real thing).
  const outer = r * 0.28;
  const inner = outer * 0.382;
  const points: [number, number][] = [];
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  doc.polygon(...points).fill(COLOR.seal);

  // The name along the arc: glyphs stand upright on radii, their tops towards the ring.
  const chars = [...seal.name];
  doc.font(seal.font);
  const unitWidths = chars.map((ch) => doc.fontSize(1).widthOfString(ch));
  const unitTotal = unitWidths.reduce((a, b) => a + b, 0);
  const maxSpan = (250 * Math.PI) / 180;
  const inset = ring + r * 0.06;
  const textRadius = (size: number): number => r - inset - size * 0.5;
  let size = r * 0.26;
  while (size > 4 && unitTotal * size * 1.08 > textRadius(size) * maxSpan) size -= 0.25;
  const radiusAt = textRadius(size);
  // Spread short names (Chinese) generously, as seals do; long names fill up to the maximum span.
  const span = Math.min(maxSpan, Math.max((unitTotal * size * 1.5) / radiusAt, (150 * Math.PI) / 180));
  const gapAngle = chars.length > 1 ? (span - (unitTotal * size) / radiusAt) / (chars.length - 1) : 0;
  let angle = -span / 2;
  doc.fontSize(size);
  chars.forEach((ch, i) => {
    const glyphAngle = (unitWidths[i] * size) / radiusAt;
    const centre = angle + glyphAngle / 2;
    doc.save();
    doc.rotate((centre * 180) / Math.PI, { origin: [cx, cy] });
    doc.text(ch, cx - (unitWidths[i] * size) / 2, cy - r + inset, { lineBreak: false });
    doc.restore();
    angle += glyphAngle + gapAngle;
  });

  // The label under the star.
  const labelSize = Math.min(r * 0.17, (r * 1.2) / Math.max(1, doc.fontSize(1).widthOfString(seal.label)));
  doc.fontSize(labelSize);
  const labelWidth = doc.widthOfString(seal.label);
  doc.text(seal.label, cx - labelWidth / 2, cy + r * 0.36, { lineBreak: false });
  doc.restore();
}

/**
 * The printable order (R4.3) as an A4 PDF: company header, order number, customer, lines (continued over
 * pages with the header row repeated), totals, special requirements, delivery and payment terms, approval
 * trail, signature block with the drawn company seal (none on a draft), and the verification code.
 */
export async function renderOrderDocument(data: OrderDocumentData, options: OrderDocumentOptions): Promise<Buffer> {
  if (!options.companyName.trim()) throw new Error('companyName is required for the order document');
  return new OrderPdf(data, options).render();
}
