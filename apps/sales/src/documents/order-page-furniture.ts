import { FONT } from './fonts';
import type { OrderPrint } from './order-print';
import { COLOR, PAGE, SIZE } from './pdf-layout';

/* What the order's pages carry besides its sections: headers, the footer with the code, the draft mark. */

/** The first page's letterhead: company names on the left, the document's title on the right. */
export function companyHeader({ layout, companyName, companyNameZh }: OrderPrint): void {
  const { doc, left, width } = layout;
  const top = PAGE.top;
  let leftBottom = layout.text(companyName, left, top, width * 0.62, { font: FONT.bold, size: 14, color: COLOR.accent });
  if (companyNameZh) leftBottom = layout.text(companyNameZh, left, leftBottom + 1, width * 0.62, { font: FONT.bold, size: 12, color: COLOR.accent });
  const titleX = left + width * 0.62;
  const titleWidth = width * 0.38;
  const titleBottom = layout.text('SALES ORDER', titleX, top, titleWidth, { font: FONT.bold, size: 14, align: 'right' });
  const y = Math.max(leftBottom, layout.text('销售订单', titleX, titleBottom + 1, titleWidth, { font: FONT.bold, size: 12, align: 'right' })) + 6;
  layout.rule(y, { color: COLOR.accent, weight: 1.5 });
  doc.y = y + 10;
}

/** The top of every later page: who and which order, so a loose page is still identified. */
export function runningHeader({ layout, data, companyName, companyNameZh }: OrderPrint): void {
  const { doc, left, width } = layout;
  const name = companyNameZh ? `${companyName}  ${companyNameZh}` : companyName;
  const nameBottom = layout.text(name, left, PAGE.top, width * 0.6, { font: FONT.bold, color: COLOR.accent });
  const orderBottom = layout.text(`Order 订单 ${data.orderNumber} (continued 续)`, left + width * 0.6, PAGE.top, width * 0.4, { align: 'right' });
  const y = Math.max(nameBottom, orderBottom) + 4;
  layout.rule(y, { color: COLOR.accent, weight: 1 });
  doc.y = y + 10;
}

/** Every page's footer, inside the band the content keeps clear of: the verification code and page n of N. */
export function footers({ layout, data }: OrderPrint): void {
  const { doc, left, width } = layout;
  layout.everyPage((index, count) => {
    const y = doc.page.height - PAGE.footer + 14;
    layout.rule(y - 5);
    const label = 'Verification code 校验码: ';
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
    doc.text(label, left, y, { lineBreak: false });
    const labelWidth = doc.widthOfString(label);
    doc.font(FONT.mono).fontSize(SIZE.small).fillColor(COLOR.text);
    doc.text(data.verificationCode, left + labelWidth, y + 0.5, { lineBreak: false });
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
    doc.text(`Page ${index + 1} / ${count}`, left, y, { width, align: 'right', lineBreak: false });
    doc.text(`Verify at /api/v1/orders/${data.orderId}/document/verify  ·  核验：上传本文件或输入校验码 · ${data.orderNumber}`, left, y + 11, {
      width,
      lineBreak: false,
    });
  });
}

/** A draft says so on every page, diagonally, and carries no seal. */
export function draftWatermarks({ layout }: OrderPrint): void {
  const { doc } = layout;
  layout.everyPage(() => {
    const cx = doc.page.width / 2;
    const cy = doc.page.height / 2;
    doc.save();
    doc.rotate(-35, { origin: [cx, cy] });
    doc.fillColor('#c0c0c0').fillOpacity(0.35);
    doc.font(FONT.bold).fontSize(46);
    doc.text('DRAFT — NOT ISSUED', cx - 330, cy - 60, { width: 660, align: 'center', lineBreak: false });
    doc.fontSize(34).text('草稿 · 未签发', cx - 330, cy + 2, { width: 660, align: 'center', lineBreak: false });
    doc.restore();
  });
}
