import { FONT } from './fonts';
import { dash, formatDateTime, formatMoney, formatQuantity } from './formatting';
import type { OrderDocumentSignature } from './order-document-data';
import type { OrderPrint } from './order-print';
import { type Block, type Cell, type Column, COLOR, COLUMN_GAP, SIZE } from './pdf-layout';
import { drawSeal, SEAL_RADIUS } from './seal';

/* The order's sections, top to bottom; each starts at the layout's current y and leaves it below itself. */

const STEP_LABELS: Record<string, string> = {
  SALES_HEAD: 'Sales head review 销售主管审核',
  DIVISION_LEADER: 'Division leader approval 分管领导审批',
  FINANCE: 'Finance review 财务审核',
};
const DECISION_LABELS: Record<string, string> = {
  APPROVED: 'Approved 同意',
  REJECTED: 'Rejected 驳回',
  PENDING: 'Pending 待审批',
  SKIPPED: 'Not required 无需审批',
  CANCELLED: 'Cancelled 已取消',
};
const DRAFT_COLOR = '#9c1c1c';

/** The order number large on the left; issue date, status and currency on the right. */
export function orderTitle({ layout, data, timeZone }: OrderPrint): void {
  const { doc, left, width } = layout;
  const y = doc.y;
  const labelBottom = layout.text('Order No. 订单号', left, y, 200, { size: SIZE.small, color: COLOR.muted });
  const numberBottom = layout.text(data.orderNumber, left, labelBottom, width * 0.6, { font: FONT.bold, size: 22 });
  const metaX = left + width * 0.55;
  const metaWidth = width * 0.45;
  let metaBottom = y + 1;
  const version = data.version && data.version > 1 ? [`Version 版本: ${data.version}`] : [];
  for (const meta of [`Issue date 签发日期: ${formatDateTime(data.issueDate, timeZone)}`, ...version, `Status 状态: ${data.status}`, `Currency 币种: ${data.currency}`]) {
    metaBottom = layout.text(meta, metaX, metaBottom + 1, metaWidth, { align: 'right' });
  }
  doc.y = Math.max(numberBottom, metaBottom) + 6;
}

export function customerSection({ layout, data: { customer } }: OrderPrint): void {
  layout.fields(
    [
      [
        ['Customer 客户', customer.name],
        ['Phone 电话', dash(customer.phone)],
      ],
      [
        ['Contact 联系人', dash(customer.contactPerson)],
        ['Address 地址', dash(customer.address)],
      ],
    ],
    { headings: ['Customer  客户'], labelWidth: 96, alignRows: true },
  );
}

/** The lines in line-number order, then the total. */
export function linesSection(print: OrderPrint): void {
  const { layout, data } = print;
  const fixed = 26 + 74 + 56 + 78 + 90;
  const columns: Column[] = [
    { header: 'No.\n序号', width: 26, align: 'center' },
    { header: 'Code\n产品编码', width: 74 },
    { header: 'Product / specification\n产品名称 / 规格', width: layout.width - fixed },
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
  layout.table(columns, rows, { headings: ['Order lines  订单明细'], closing: totalBlock(print) });
}

/** The total in a shaded box on the right, the number of lines on the left. */
function totalBlock({ layout, data }: OrderPrint): Block {
  const boxWidth = 250;
  return {
    height: () => 30,
    draw(x, y, width) {
      const boxX = x + width - boxWidth;
      layout.doc.rect(boxX, y + 2, boxWidth, 22).fill(COLOR.headerFill);
      layout.text(`Total 合计 (${data.currency})`, boxX + 6, y + 7, 110, { font: FONT.bold, size: 10 });
      layout.text(formatMoney(data.totalAmount), boxX + 110, y + 7, boxWidth - 116, { font: FONT.bold, size: 10, align: 'right' });
      layout.text(`${data.lines.length} line(s) 共 ${data.lines.length} 项`, x, y + 8, width - boxWidth - 10, { size: SIZE.small, color: COLOR.muted });
    },
  };
}

/** Special requirements beside delivery and payment: short label/value lists, so half the width each is enough. */
export function termsSection({ layout, data, timeZone }: OrderPrint): void {
  const sr = data.specialRequirements;
  layout.fields(
    [
      [
        ['Customisation 定制', dash(sr.customization)],
        ['Packaging 包装', dash(sr.packaging)],
        ['Transport 运输方式', dash(sr.transportMode)],
        ['Other 其他', dash(sr.other)],
      ],
      [
        ['Delivery date 交货日期', data.deliveryDate ? formatDateTime(data.deliveryDate, timeZone) : '—'],
        ['Delivery place 交货地点', dash(data.deliveryPlace)],
        ['Payment terms 付款条件', dash(data.paymentTerms)],
      ],
    ],
    { headings: ['Special requirements  特殊要求', 'Delivery and payment  交货与付款'], labelWidth: 108 },
  );
}

export function approvalsSection({ layout, data, timeZone }: OrderPrint): void {
  const headings = ['Approval trail  审批记录'];
  if (data.approvals.length === 0) {
    layout.block(layout.paragraphs([['No approvals recorded 暂无审批记录', { color: COLOR.muted }]]), { headings });
    return;
  }
  // Each wide enough for its usual content on one line (the longest step label, an approver such as
  // finance.head, a timestamp), so that a step takes one line and the comment gets the rest.
  const fixed = 155 + 66 + 64 + 92;
  const columns: Column[] = [
    { header: 'Step\n审批步骤', width: 155 },
    { header: 'Decision\n结果', width: 66 },
    { header: 'By\n审批人', width: 64 },
    { header: 'Date\n时间', width: 92 },
    { header: 'Comment\n意见', width: layout.width - fixed },
  ];
  const rows = data.approvals.map((a): Cell[] => [
    { text: STEP_LABELS[a.step] ?? a.step },
    { text: DECISION_LABELS[a.status] ?? a.status },
    { text: dash(a.decidedBy) },
    { text: a.decidedAt ? formatDateTime(a.decidedAt, timeZone) : '—' },
    { text: dash(a.comment) },
  ]);
  layout.table(columns, rows, { headings });
}

/** Signed: the statement beside the signature line with the seal stamped over its end. A draft: why it is not valid. */
export function signatureSection(print: OrderPrint): void {
  const block = print.data.signature ? signedBlock(print, print.data.signature) : draftBlock(print);
  print.layout.block(block, { headings: ['Signature and seal  签字盖章'] });
}

function orderTotal({ data }: OrderPrint): string {
  return `Order total 订单总额: ${data.currency} ${formatMoney(data.totalAmount)}`;
}

/** The statement takes this share of the width; the signature line and the seal the rest. */
const STATEMENT_SHARE = 0.5;

function signedBlock(print: OrderPrint, signature: OrderDocumentSignature): Block {
  const { layout, companyName, companyNameZh } = print;
  const signedAt = formatDateTime(signature.signedAt, print.timeZone);
  const statement = print.layout.paragraphs([
    [`Signed for and on behalf of ${companyName} by ${signature.signedBy}, ${signedAt}.`, { size: 10 }],
    [`本订单由 ${signature.signedBy} 代表${companyNameZh ?? companyName}签署，签署时间 ${signedAt}。`, {}],
    [orderTotal(print), { font: FONT.bold }],
  ]);
  const seal = 2 * SEAL_RADIUS;
  return {
    height: (width) => Math.max(statement.height(width * STATEMENT_SHARE), seal),
    draw(x, y, width) {
      statement.draw(x, y, width * STATEMENT_SHARE);
      // The signature line runs to the right margin; the seal is stamped over its end, as on paper.
      const cx = x + width - SEAL_RADIUS;
      const cy = y + SEAL_RADIUS;
      const lineX = x + width * STATEMENT_SHARE + COLUMN_GAP;
      const lineWidth = x + width - lineX;
      const lineY = cy + 14;
      layout.text(signature.signedBy, lineX + 4, lineY - 18, lineWidth - 4, { font: FONT.bold, size: 13, color: COLOR.accent });
      layout.rule(lineY, { x: lineX, width: lineWidth, color: COLOR.text });
      layout.text('Authorised signature 授权签字', lineX, lineY + 3, lineWidth, { size: SIZE.small, color: COLOR.muted });
      drawSeal(layout.doc, { cx, cy, radius: SEAL_RADIUS, name: companyNameZh ?? companyName.toUpperCase(), label: print.sealLabel, font: FONT.bold });
    },
  };
}

function draftBlock(print: OrderPrint): Block {
  return print.layout.paragraphs([
    ['DRAFT — not issued. This order has not been signed or sealed and is not a valid order document.', { font: FONT.bold, size: 10, color: DRAFT_COLOR }],
    ['草稿——未签发：本订单尚未签字盖章，不作为正式订单。', { font: FONT.bold, color: DRAFT_COLOR }],
    [orderTotal(print), { font: FONT.bold }],
  ]);
}
