import { FONT } from './fonts';
import { type Block, type Field, PAGE, PdfLayout } from './pdf-layout';

/** A layout set in pdfkit's built-in Helvetica: the geometry is what is under test, not the CJK fonts. */
function newLayout(): PdfLayout {
  const layout = new PdfLayout({ Title: 'layout test' });
  layout.doc.registerFont(FONT.regular, 'Helvetica');
  layout.doc.registerFont(FONT.bold, 'Helvetica-Bold');
  return layout;
}

const pageCount = (layout: PdfLayout): number => layout.doc.bufferedPageRange().count;

/** Every text the layout sets, with where: the page (0-based) and the top y it was given. */
function recordText(layout: PdfLayout): { text: string; page: number; y: number }[] {
  const drawn: { text: string; page: number; y: number }[] = [];
  const text = layout.doc.text.bind(layout.doc) as (value: string, x?: number, y?: number, options?: PDFKit.Mixins.TextOptions) => PDFKit.PDFDocument;
  Object.assign(layout.doc, {
    text: (value: string, x?: number, y?: number, options?: PDFKit.Mixins.TextOptions) => {
      drawn.push({ text: value, page: pageCount(layout) - 1, y: y ?? layout.doc.y });
      return text(value, x, y, options);
    },
  });
  return drawn;
}

/** A block of the given height that notes where it was drawn. */
function probe(layout: PdfLayout, height: number, drawn: { y: number; page: number }[]): Block {
  return { height: () => height, draw: (_x, y) => drawn.push({ y, page: pageCount(layout) - 1 }) };
}

describe('PDF layout kit (R4.3 printable order)', () => {
  it('draws a block where it fits, and on the next page, whole, where it does not', () => {
    const layout = newLayout();
    const drawn: { y: number; page: number }[] = [];
    layout.doc.y = layout.bottom - 80;
    layout.block(probe(layout, 80, drawn));
    layout.block(probe(layout, 1, drawn));

    expect(drawn).toEqual([
      { y: layout.bottom - 80, page: 0 },
      { y: PAGE.top, page: 1 },
    ]);
  });

  it('moves a heading to the next page with the start of its content rather than leave it at the foot of a page', () => {
    const layout = newLayout();
    const drawn = recordText(layout);
    layout.doc.y = layout.bottom - 24; // room for the heading, not for the heading and a row
    layout.fields([[['Label', 'Value']]], { headings: ['Heading'], labelWidth: 80 });

    expect(drawn.filter((d) => ['Heading', 'Label', 'Value'].includes(d.text)).map((d) => [d.text, d.page])).toEqual([
      ['Heading', 1],
      ['Label', 1],
      ['Value', 1],
    ]);
  });

  it('runs field lists down their own columns and on over the page, every field once and none in the footer band', () => {
    const layout = newLayout();
    const drawn = recordText(layout);
    const list = (name: string, count: number, first = 'value'): Field[] => Array.from({ length: count }, (_, i) => [`${name}${i}`, i === 0 ? first : `value ${i}`]);
    const rowHeight = layout.textHeight('value', 100);
    layout.doc.y = layout.bottom - 10 * rowHeight;
    layout.fields([list('left', 30, 'a long value '.repeat(12)), list('right', 3)], { headings: ['Left', 'Right'], labelWidth: 80 });

    const labels = drawn.filter((d) => /^(left|right)\d+$/.test(d.text));
    expect(labels.map((d) => d.text).sort()).toEqual([...list('left', 30), ...list('right', 3)].map(([label]) => label).sort());
    for (const label of labels) expect(label.y + rowHeight).toBeLessThanOrEqual(layout.bottom);
    expect(pageCount(layout)).toBeGreaterThan(1);
    // Own columns: the left list's long first value does not push the right list's second row down.
    const y = (text: string): number => labels.find((d) => d.text === text)?.y ?? NaN;
    expect(y('right1')).toBeLessThan(y('left1'));
  });

  it('lines the rows of a grid up across its columns', () => {
    const layout = newLayout();
    const drawn = recordText(layout);
    layout.fields(
      [
        [
          ['a0', 'a long value '.repeat(12)],
          ['a1', 'short'],
        ],
        [
          ['b0', 'short'],
          ['b1', 'short'],
        ],
      ],
      { labelWidth: 80, alignRows: true },
    );
    const y = (text: string): number => drawn.find((d) => d.text === text)?.y ?? NaN;
    expect(y('b1')).toBe(y('a1'));
    expect(y('a1')).toBeGreaterThan(y('a0') + layout.textHeight('short', 100));
  });

  it('repeats the header row on every page of a table and keeps its closing block on the page of its last row', () => {
    const rows = Array.from({ length: 4 }, (_, i) => [{ text: `row ${i + 1}` }]);
    // Wherever the table starts (its rows take some 80 points), the closing lands with the last row, above the footer band.
    const { bottom } = newLayout();
    for (let start = bottom - 130; start < bottom; start += 4) {
      const layout = newLayout();
      const drawn = recordText(layout);
      const closing: { y: number; page: number }[] = [];
      layout.doc.y = start;
      layout.table([{ header: 'Head', width: layout.width }], rows, { closing: probe(layout, 30, closing) });

      const lastRow = drawn.find((d) => d.text === 'row 4');
      expect({ start, page: closing[0].page }).toEqual({ start, page: lastRow?.page });
      expect(closing[0].y + 30).toBeLessThanOrEqual(layout.bottom);
      const pagesWithRows = new Set(drawn.filter((d) => d.text.startsWith('row ')).map((d) => d.page));
      const pagesWithHeader = new Set(drawn.filter((d) => d.text === 'Head').map((d) => d.page));
      expect(pagesWithHeader).toEqual(pagesWithRows);
    }
  });

  it('writes in the footer band of every page without pdfkit opening another page', () => {
    const layout = newLayout();
    layout.doc.addPage();
    const footers: string[] = [];
    layout.everyPage((index, count) => {
      footers.push(`${index + 1}/${count}`);
      layout.doc.text(`Page ${index + 1} / ${count}`, layout.left, layout.bottom + 20, { width: layout.width });
    });

    expect(footers).toEqual(['1/2', '2/2']);
    expect(pageCount(layout)).toBe(2);
  });
});
