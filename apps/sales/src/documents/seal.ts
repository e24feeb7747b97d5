/*
 * The company seal as vector graphics (not an image), so it prints sharp at any size and needs no asset: a
 * red ring, the company name along the upper arc, a five-pointed star, and a label under the star.
 */

/** The seal's red (exported so a test can tell a sealed page from an unsealed one). */
export const SEAL_COLOR = '#d7141a';
/** About 40 mm across, the size of a company seal. */
export const SEAL_RADIUS = 57;

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

/** Draws the seal centred on (cx, cy); it covers the square of side 2 × radius around that point. */
export function drawSeal(doc: PDFKit.PDFDocument, seal: SealSpec): void {
  const { cx, cy, radius: r } = seal;
  const ring = r * 0.065;
  doc.save();
  doc.fillColor(SEAL_COLOR).strokeColor(SEAL_COLOR).fillOpacity(0.9).strokeOpacity(0.9);
  doc.circle(cx, cy, r - ring / 2).lineWidth(ring).stroke();
  drawStar(doc, cx, cy, r * 0.28);
  drawNameOnArc(doc, seal, ring);

  // The label under the star.
  doc.font(seal.font);
  const labelSize = Math.min(r * 0.17, (r * 1.2) / Math.max(1, doc.fontSize(1).widthOfString(seal.label)));
  doc.fontSize(labelSize);
  const labelWidth = doc.widthOfString(seal.label);
  doc.text(seal.label, cx - labelWidth / 2, cy + r * 0.36, { lineBreak: false });
  doc.restore();
}

/** Five-pointed star (points at 90° + k·72°, inner radius × 0.382 as on the real thing). */
function drawStar(doc: PDFKit.PDFDocument, cx: number, cy: number, outer: number): void {
  const inner = outer * 0.382;
  const points: [number, number][] = [];
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  doc.polygon(...points).fill(SEAL_COLOR);
}

/** The name along the arc: glyphs stand upright on radii, their tops towards the ring. */
function drawNameOnArc(doc: PDFKit.PDFDocument, seal: SealSpec, ring: number): void {
  const { cx, cy, radius: r } = seal;
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
}
