import PDFDocument from 'pdfkit';
import { FONT } from './fonts';
import { drawSeal, SEAL_RADIUS } from './seal';

/*
 * A small layout kit over pdfkit for A4 pages that each carry a footer. pdfkit starts a new page by itself
 * when wrapped text would run past the bottom margin, wherever the caller meant the text to go, and draws
 * vector graphics wherever it is told, footer or not. So the kit measures before it draws: headings stay
 * with what follows them, blocks and table rows are kept whole, and the kit itself starts the next page
 * when the next piece does not fit above `bottom`. Only everyPage() draws below it, for the footer.
 */

export type Align = 'left' | 'right' | 'center';

/** In points (A4 is 595 × 842). `footer` is the band at the bottom of every page that content keeps clear of. */
export const PAGE = { margin: 48, top: 44, footer: 58 } as const;
export const COLOR = { text: '#1a1a1a', muted: '#666666', rule: '#b8b8b8', headerFill: '#e9edf2', zebra: '#f7f8fa', accent: '#1f3a5f' } as const;
export const SIZE = { body: 9, small: 7.5, table: 8.5, heading: 10 } as const;
/** Between columns of fields and between blocks side by side. */
export const COLUMN_GAP = 16;

export interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
  align?: Align;
}

/** Label and value. */
export type Field = readonly [label: string, value: string];

/** Content that is drawn whole on one page; its height is known before it is drawn. */
export interface Block {
  height(width: number): number;
  draw(x: number, y: number, width: number): void;
}

export interface Column {
  header: string;
  width: number;
  align?: Align;
}

export interface Cell {
  text: string;
  /** A smaller grey second paragraph (e.g. a line's specification). */
  note?: string;
  bold?: boolean;
}

/** Text to stack, each paragraph in its own style. */
export type Paragraph = readonly [text: string, style: TextStyle];

export interface RuleStyle {
  x?: number;
  width?: number;
  color?: string;
  weight?: number;
}

/** One heading spans the width; several stand over equal columns, one each. */
export interface Headings {
  headings?: readonly string[];
}

/*
 * Noto Sans CJK's own line height is already 1.5 em, ample for Chinese; extra leading would only cost the
 * room that keeps a short order on one page.
 */
const LINE_GAP = 0;
const HEADING = { above: 4, below: 4, style: { font: FONT.bold, size: SIZE.heading, color: COLOR.accent } } as const;
const FIELD_ROW_GAP = 3;
const PARAGRAPH_GAP = 3;
const CELL_PAD = 3;
/** A cell's text is cut (with an ellipsis) at this height, so that one row cannot outgrow a page. */
const MAX_CELL_HEIGHT = 260;
/** Below a table, before what follows it. */
const TABLE_AFTER = 4;

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number = PAGE.margin;
  readonly width: number;
  private readonly bytes: Promise<Buffer>;

  constructor(info: PDFKit.DocumentInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.top, bottom: PAGE.footer, left: PAGE.margin, right: PAGE.margin },
      // Footers say "page n of N", so every page stays open until the last one exists.
      bufferPages: true,
      autoFirstPage: true,
      info,
    });
    this.width = this.doc.page.width - 2 * PAGE.margin;
    const chunks: Buffer[] = [];
    this.bytes = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  /** The lowest y content may reach: the top of the footer band. */
  get bottom(): number {
    return this.doc.page.height - PAGE.footer;
  }

  /** `draw` runs on every page after the first as soon as the page exists (a running header). */
  onNewPage(draw: () => void): void {
    this.doc.on('pageAdded', draw);
  }

  /** Starts a new page unless `height` more fits above the footer band. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Sets text at (x, y) wrapped to `width`; returns the y below it. */
  text(value: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    this.style(style).text(value, x, y, { width, align: style.align ?? 'left', lineGap: LINE_GAP });
    return this.doc.y;
  }

  textHeight(value: string, width: number, style: TextStyle = {}): number {
    return this.style(style).heightOfString(value, { width, lineGap: LINE_GAP });
  }

  rule(y: number, { x = this.left, width = this.width, color = COLOR.rule, weight = 0.6 }: RuleStyle = {}): void {
    this.doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(weight)
      .strokeColor(color)
      .stroke();
  }

  /** Paragraphs one under another, as a block measured with the fonts and width it is drawn with. */
  paragraphs(list: readonly Paragraph[]): Block {
    return {
      height: (width) => list.reduce((sum, [text, style], i) => sum + (i > 0 ? PARAGRAPH_GAP : 0) + this.textHeight(text, width, style), 0),
      draw: (x, y, width) => {
        list.reduce((top, [text, style], i) => this.text(text, x, top + (i > 0 ? PARAGRAPH_GAP : 0), width, style), y);
      },
    };
  }

  /** A block across the page under its headings, all on one page: this one if it fits, else the next. */
  block(block: Block, options: Headings = {}): void {
    const height = block.height(this.width);
    this.headings(options.headings, height);
    const y = this.doc.y;
    block.draw(this.left, y, this.width);
    this.doc.y = y + height;
  }

  /**
   * Label/value lists in equal columns, each row kept on one page. `alignRows`: row i of every list shares a
   * line (a grid); otherwise each list runs down its own column, so a long value does not push the others.
   */
  fields(lists: readonly (readonly Field[])[], options: Headings & { labelWidth: number; alignRows?: boolean }): void {
    const width = this.columnWidth(lists.length);
    const { labelWidth } = options;
    const valueWidth = width - labelWidth;
    const own = lists.map((list) => list.map(([label, value]) => Math.max(this.textHeight(label, labelWidth - 4), this.textHeight(value, valueWidth))));
    const heights = options.alignRows ? own.map((column) => column.map((_, row) => Math.max(...own.map((other) => other[row] ?? 0)))) : own;
    this.headings(options.headings, Math.max(0, ...heights.map((column) => column[0] ?? 0)));
    const next = lists.map(() => 0);
    let freshPage = false;
    for (;;) {
      const top = this.doc.y;
      let bottom = top;
      lists.forEach((list, c) => {
        const x = this.left + c * (width + COLUMN_GAP);
        let y = top;
        // A row taller than a whole page is drawn anyway (pdfkit then wraps it on): nothing is left out.
        while (next[c] < list.length && (y + heights[c][next[c]] <= this.bottom || (freshPage && y === top))) {
          const [label, value] = list[next[c]];
          this.text(label, x, y, labelWidth - 4, { color: COLOR.muted });
          this.text(value, x + labelWidth, y, valueWidth);
          y += heights[c][next[c]] + FIELD_ROW_GAP;
          next[c]++;
        }
        bottom = Math.max(bottom, y);
      });
      this.doc.y = bottom;
      if (lists.every((list, c) => next[c] === list.length)) return;
      this.doc.addPage();
      freshPage = true;
    }
  }

  /**
   * A table that continues over pages, repeating its header row on each; a row is never split. `closing`
   * (a total) is drawn under the last row and kept on its page, so it never stands alone on the next one.
   */
  table(columns: readonly Column[], rows: readonly (readonly Cell[])[], options: Headings & { closing?: Block } = {}): void {
    const header = columns.map((column): Cell => ({ text: column.header, bold: true }));
    const headerHeight = this.rowHeight(columns, header);
    const closingHeight = options.closing?.height(this.width) ?? 0;
    this.headings(options.headings, headerHeight + (rows.length > 0 ? this.rowHeight(columns, rows[0]) : 0));
    this.drawRow(columns, header, 'header');
    rows.forEach((cells, index) => {
      const last = index === rows.length - 1;
      if (this.doc.y + this.rowHeight(columns, cells) + (last ? TABLE_AFTER + closingHeight : 0) > this.bottom) {
        this.doc.addPage();
        this.drawRow(columns, header, 'header');
      }
      this.drawRow(columns, cells, index % 2 === 1 ? 'zebra' : 'plain');
    });
    this.doc.y += TABLE_AFTER;
    if (options.closing) this.block(options.closing);
  }

  /** Runs `draw` on each page once all exist, with the footer band open to it. */
  everyPage(draw: (index: number, count: number) => void): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const margin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0; // otherwise text inside the band makes pdfkit open a new page
      draw(i - range.start, range.count);
      this.doc.page.margins.bottom = margin;
    }
  }

  /** Finishes the document; resolves with the PDF bytes. */
  end(): Promise<Buffer> {
    this.doc.end();
    return this.bytes;
  }

  /** The width of each of `count` equal columns across the page. */
  private columnWidth(count: number): number {
    return (this.width - COLUMN_GAP * (count - 1)) / count;
  }

  /** Draws the headings, on a new page unless they and the first `keepWith` points of their content fit here. */
  private headings(titles: readonly string[] | undefined, keepWith: number): void {
    if (!titles?.length) {
      this.ensureSpace(keepWith);
      return;
    }
    const width = this.columnWidth(titles.length);
    const textHeight = Math.max(...titles.map((title) => this.textHeight(title, width, HEADING.style)));
    this.ensureSpace(HEADING.above + textHeight + 1 + HEADING.below + keepWith);
    const y = this.doc.y + HEADING.above;
    titles.forEach((title, i) => {
      const x = this.left + i * (width + COLUMN_GAP);
      this.text(title, x, y, width, HEADING.style);
      this.rule(y + textHeight + 1, { x, width, color: COLOR.accent, weight: 0.8 });
    });
    this.doc.y = y + textHeight + 1 + HEADING.below;
  }

  private style(style: TextStyle): PDFKit.PDFDocument {
    return this.doc
      .font(style.font ?? FONT.regular)
      .fontSize(style.size ?? SIZE.body)
      .fillColor(style.color ?? COLOR.text);
  }

  private cellHeight(cell: Cell, width: number): number {
    const height = this.textHeight(cell.text || ' ', width, { font: cell.bold ? FONT.bold : FONT.regular, size: SIZE.table });
    return cell.note ? height + 1 + this.textHeight(cell.note, width, { size: SIZE.small }) : height;
  }

  private rowHeight(columns: readonly Column[], cells: readonly Cell[]): number {
    return Math.min(MAX_CELL_HEIGHT, Math.max(...cells.map((cell, i) => this.cellHeight(cell, columns[i].width - 2 * CELL_PAD)))) + 2 * CELL_PAD;
  }

  private drawRow(columns: readonly Column[], cells: readonly Cell[], kind: 'header' | 'zebra' | 'plain'): void {
    const doc = this.doc;
    const height = this.rowHeight(columns, cells);
    const y = doc.y;
    if (kind !== 'plain') doc.rect(this.left, y, this.width, height).fill(kind === 'header' ? COLOR.headerFill : COLOR.zebra);
    let x = this.left;
    cells.forEach((cell, i) => {
      const column = columns[i];
      const width = column.width - 2 * CELL_PAD;
      const align = column.align ?? 'left';
      this.style({ font: cell.bold ? FONT.bold : FONT.regular, size: SIZE.table });
      doc.text(cell.text, x + CELL_PAD, y + CELL_PAD, { width, align, lineGap: LINE_GAP, height: MAX_CELL_HEIGHT, ellipsis: true });
      if (cell.note) {
        this.style({ size: SIZE.small, color: COLOR.muted });
        doc.text(cell.note, x + CELL_PAD, doc.y + 1, { width, align, lineGap: LINE_GAP });
      }
      x += column.width;
    });
    doc.y = y + height;
    this.rule(doc.y, kind === 'header' ? { color: COLOR.accent, weight: 0.8 } : { weight: 0.4 });
  }
}

/** The settlement-stage documents' letterhead: company name (and Chinese name) left, the title in two languages right, a rule below. */
export function letterhead(layout: PdfLayout, company: { companyName: string; companyNameZh?: string }, title: string, titleZh: string): void {
  const { doc, left, width } = layout;
  const top = PAGE.top;
  let y = layout.text(company.companyName, left, top, width * 0.6, { font: FONT.bold, size: 14, color: COLOR.accent });
  if (company.companyNameZh) y = layout.text(company.companyNameZh, left, y + 1, width * 0.6, { font: FONT.bold, size: 12, color: COLOR.accent });
  const titleBottom = layout.text(title, left + width * 0.6, top, width * 0.4, { font: FONT.bold, size: 14, align: 'right' });
  y = Math.max(y, layout.text(titleZh, left + width * 0.6, titleBottom + 1, width * 0.4, { font: FONT.bold, size: 12, align: 'right' })) + 6;
  layout.rule(y, { color: COLOR.accent, weight: 1.5 });
  doc.y = y + 10;
}

/** A footer on every page: `label` left, "Page n / N" right. */
export function pageFooters(layout: PdfLayout, label: string): void {
  const { doc, left, width } = layout;
  layout.everyPage((index, count) => {
    const fy = doc.page.height - PAGE.footer + 14;
    layout.rule(fy - 5);
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
    doc.text(label, left, fy, { lineBreak: false });
    doc.text(`Page ${index + 1} / ${count}`, left, fy, { width, align: 'right', lineBreak: false });
  });
}

/** The finance seal at the right edge, kept whole on its page. */
export function financeSeal(layout: PdfLayout, company: { companyName: string; companyNameZh?: string }): void {
  layout.block(
    {
      height: () => 2 * SEAL_RADIUS + 8,
      draw(x, by, w) {
        drawSeal(layout.doc, { cx: x + w - SEAL_RADIUS, cy: by + SEAL_RADIUS + 4, radius: SEAL_RADIUS, name: company.companyNameZh ?? company.companyName.toUpperCase(), label: '财务专用章', font: FONT.bold });
      },
    },
    {},
  );
}
