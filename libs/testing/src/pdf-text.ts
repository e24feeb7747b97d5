import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** What a real PDF reader (Mozilla's pdf.js) sees in a PDF: the text of each page and the info dictionary. */
export interface ExtractedPdf {
  numPages: number;
  /** One string per page, text items joined in content order; a line break where pdf.js saw the end of a line. */
  pages: string[];
  info: Record<string, unknown>;
  /** Per page, the RGB colours (lower-case #rrggbb) that paths and text were filled or stroked with. */
  colours: string[][];
  /** Per page, each text item with its baseline's distance from the top of the page, in points. */
  items: { str: string; y: number }[][];
  /** Per page, its height in points. */
  heights: number[];
}

/*
 * pdf.js (pdfjs-dist 5) is ESM only and loads its worker with a dynamic import, which Jest's CommonJS runtime
 * refuses ("A dynamic import callback was invoked without --experimental-vm-modules"). So the extraction runs
 * in a plain Node child process, which loads ESM natively; the PDF goes in on stdin, JSON comes out on stdout.
 */
const SCRIPT = `
const { getDocument, OPS } = await import(process.env.PDFJS_URL);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const doc = await getDocument({ data, verbosity: 0, disableFontFace: true, isEvalSupported: false }).promise;
const pages = [];
const colours = [];
const items = [];
const heights = [];
const colourOps = new Set([OPS.setFillRGBColor, OPS.setStrokeRGBColor]);
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : '') : '')).join(''));
  const height = page.view[3] - page.view[1];
  heights.push(height);
  items.push(content.items.filter((item) => 'str' in item && item.str.trim() !== '').map((item) => ({ str: item.str, y: height - item.transform[5] })));
  const ops = await page.getOperatorList();
  const used = new Set();
  ops.fnArray.forEach((fn, i) => {
    if (colourOps.has(fn)) used.add(String(ops.argsArray[i][0]).toLowerCase());
  });
  colours.push([...used]);
}
const { info } = await doc.getMetadata();
process.stdout.write(JSON.stringify({ numPages: doc.numPages, pages, info, colours, items, heights }));
await doc.destroy();
`;

export function extractPdf(pdf: Buffer): Promise<ExtractedPdf> {
  const pdfjsUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '--eval', SCRIPT],
      { env: { ...process.env, PDFJS_URL: pdfjsUrl }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`pdf.js text extraction failed: ${error.message}\n${stderr}`));
          return;
        }
        resolve(JSON.parse(stdout) as ExtractedPdf);
      },
    );
    child.stdin?.end(pdf);
  });
}

/** Extracted text wraps lines and splits runs: documents' tests compare it without any whitespace. */
export const compactText = (text: string): string => text.replace(/\s+/g, '');

/** Every page's text of an extracted PDF, without whitespace. */
export const compactPages = (pdf: ExtractedPdf): string => compactText(pdf.pages.join(''));
