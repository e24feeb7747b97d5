import { FONT, registerFonts } from '../documents/fonts';
import { dash, formatDateTime, formatMoney, formatQuantity } from '../documents/formatting';
import { type Block, type Cell, type Column, COLOR, financeSeal, letterhead, pageFooters, PdfLayout, SIZE } from '../documents/pdf-layout';
import type { SettlementListView } from './settlement.view';

export interface SettlementDocumentData {
  orderNumber: string;
  customerName: string;
  list: SettlementListView;
}

export interface SettlementDocumentOptions {
  companyName: string;
  companyNameZh?: string;
  timeZone?: string;
}

const STATUS_LABELS: Record<SettlementListView['status'], string> = {
  DRAFT: 'Draft 草稿',
  SUBMITTED: 'Submitted to finance 已提交财务',
  APPROVED: 'Approved, invoiced 已审核开票',
};

/**
 * The printable settlement list (R7.1-7.2, issue 16 item 7) as an A4 PDF, with the order document's kit: letterhead,
 * the lines with ordered and delivered quantities, prices and amounts, the total beside the ordered amount, the
 * customer's reconciliation, finance's decision and invoice, and, once finance approved it, the company's seal.
 */
export async function renderSettlementDocument(data: SettlementDocumentData, options: SettlementDocumentOptions): Promise<Buffer> {
  const { list } = data;
  const tz = options.timeZone ?? 'UTC';
  const layout = new PdfLayout({ Title: `Settlement list ${data.orderNumber}`, Author: options.companyName, Subject: `Settlement list of order ${data.orderNumber}`, Creator: 'OPM sales' });
  registerFonts(layout.doc, {});
  const { doc, width } = layout;
  letterhead(layout, options, 'SETTLEMENT LIST', '结算清单');

  layout.fields(
    [
      [
        ['Order 订单', data.orderNumber],
        ['Customer 客户', data.customerName],
        ['Payment terms 付款条件', dash(list.paymentTerms)],
      ],
      [
        ['Status 状态', STATUS_LABELS[list.status]],
        ['Revision 版本', String(list.revision)],
        ['Drawn up 编制', `${list.draftedBy}, ${formatDateTime(list.draftedAt, tz)}`],
      ],
    ],
    { labelWidth: 100 },
  );

  const fixed = 26 + 58 + 58 + 74 + 84;
  const columns: Column[] = [
    { header: 'No.\n序号', width: 26, align: 'center' },
    { header: 'Product / specification\n产品名称 / 规格', width: width - fixed },
    { header: 'Ordered\n订购数量', width: 58, align: 'right' },
    { header: 'Delivered\n交付数量', width: 58, align: 'right' },
    { header: `Unit price\n单价 (${list.currency})`, width: 74, align: 'right' },
    { header: `Amount\n金额 (${list.currency})`, width: 84, align: 'right' },
  ];
  const rows = list.lines.map((l): Cell[] => [
    { text: String(l.lineNo) },
    { text: dash(l.productName), note: l.specification ?? undefined },
    { text: formatQuantity(l.quantityOrdered) },
    { text: formatQuantity(l.quantityDelivered), bold: l.quantityDelivered !== l.quantityOrdered },
    { text: formatMoney(l.unitPrice) },
    { text: formatMoney(l.amount) },
  ]);
  const total: Block = {
    height: () => 44,
    draw(x, by, w) {
      const boxWidth = 260;
      const boxX = x + w - boxWidth;
      doc.rect(boxX, by + 2, boxWidth, 22).fill(COLOR.headerFill);
      layout.text(`Total 合计 (${list.currency})`, boxX + 6, by + 7, 120, { font: FONT.bold, size: 10 });
      layout.text(formatMoney(list.totalAmount), boxX + 120, by + 7, boxWidth - 126, { font: FONT.bold, size: 10, align: 'right' });
      const note = list.differsFromOrder
        ? `Delivered differs from ordered: ordered amount ${formatMoney(list.orderedAmount)} 交付与订购不符，订购金额 ${formatMoney(list.orderedAmount)}`
        : 'Delivered as ordered 按订单数量交付';
      layout.text(note, boxX, by + 28, boxWidth, { size: SIZE.small, color: COLOR.muted, align: 'right' });
    },
  };
  layout.table(columns, rows, { headings: ['Delivered quantities at the order prices  交付数量与订单价格'], closing: total });

  const r = list.reconciliation;
  const review = list.review;
  const invoice = list.invoice;
  layout.fields(
    [
      [
        ['Agreed by 客户确认人', r ? r.agreedBy : '—'],
        ['Agreed at 确认时间', r ? formatDateTime(r.agreedAt, tz) : '—'],
        ['Note 备注', dash(r?.note)],
      ],
      [
        ['Finance 财务审核', review ? `${review.decision === 'APPROVE' ? 'Approved 同意' : 'Rejected 退回'} — ${review.reviewedBy}` : '—'],
        ['Comment 意见', dash(review?.comment)],
        ['Invoice 发票', invoice ? `${invoice.number}, due 到期 ${invoice.dueDate}` : '—'],
      ],
    ],
    { headings: ["Customer's reconciliation  客户对账", 'Finance review and invoice  财务审核与发票'], labelWidth: 100 },
  );

  if (list.status === 'APPROVED') financeSeal(layout, options);
  pageFooters(layout, `Settlement list 结算清单 · ${data.orderNumber}`);
  return layout.end();
}
