import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/*
 * Text is set in Noto Sans Hans (the Simplified Chinese Noto Sans CJK cut, OFL) from the npm package
 * @embedpdf/fonts-sc, so Chinese renders without any system font; pdfkit embeds only the glyphs used.
 */

/** The names the layout sets text in; Courier is one of pdfkit's built-in fonts. */
export const FONT = { regular: 'doc-regular', bold: 'doc-bold', mono: 'Courier' } as const;

export interface FontChoice {
  /** A TTF/OTF/TTC with CJK glyphs, used for regular and bold alike. */
  fontPath?: string;
  /** The face to take from a .ttc collection. */
  fontFamily?: string;
}

const PACKAGED_FONTS = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;
let packagedFonts: { regular: Buffer; bold: Buffer } | undefined;

/** The packaged CJK fonts, read once per process (8 MB each; pdfkit subsets what a document uses). */
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

/** Registers FONT.regular and FONT.bold: the configured font file when there is one, else the packaged fonts. */
export function registerFonts(doc: PDFKit.PDFDocument, choice: FontChoice): void {
  const { fontPath, fontFamily } = choice;
  if (fontPath) {
    if (!existsSync(fontPath)) throw new Error(`order document font ${fontPath} not found`);
    doc.registerFont(FONT.regular, fontPath, fontFamily);
    doc.registerFont(FONT.bold, fontPath, fontFamily);
  } else {
    const fonts = loadPackagedFonts();
    doc.registerFont(FONT.regular, fonts.regular);
    doc.registerFont(FONT.bold, fonts.bold);
  }
}
