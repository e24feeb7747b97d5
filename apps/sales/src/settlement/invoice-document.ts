import { fromMinorUnits, toMinorUnits } from '@opm/contracts';
import { FONT, registerFonts } from '../documents/fonts';
import { dash, formatDateTime, formatMoney, formatQuantity } from '../documents/formatting';
import { type Block, type Cell, type Column, COLOR, financeSeal, letterhead, pageFooters, PdfLayout } from '../documents/pdf-layout';
import type { SettlementListView } from './settlement.view';

export interface InvoiceDocumentData {
  orderNumber: string;
  customerName: string;
  /** The order's settlement list; it carries the invoice finance issued (required: no invoice, no document). */
  list: SettlementListView & { invoice: NonNullable<SettlementListView['invoice']> };
}

export interface InvoiceDocumentOptions {
  companyName: string;
  companyNameZh?: string;
  /** Bank details / payment reference printed under the totals (INVOICE_BANK_REFERENCE), if configured. */
  bankReference?: string;
  timeZone?: string;
}

/**
 * What is paid and what remains on the invoice as sales last heard it: paid in full once finance reported it settled,
 * otherwise the outstanding amount of finance's last payment event (the invoice amount while none was heard).
 */
export function invoiceBalance(invoice: { amount: string; outstanding?: string | null }, paidAt: string | null): { paid: string; outstanding: string } {
  const amount = toMinorUnits(invoice.amount);
  if (paidAt) return { paid: fromMinorUnits(amount), outstanding: fromMinorUnits(0n) };
  const outstanding = invoice.outstanding != null ? toMinorUnits(invoice.outstanding) : amount;
  return { paid: fromMinorUnits(amount - outstanding), outstanding: fromMinorUnits(outstanding) };
}

/**
 * The printable invoice (R7.2, issue 16 item 7) as an A4 PDF with the order document's kit: letterhead, invoice
 * number, issue and due dates, customer and order, the delivered quantities at the order prices, total, payment
 * terms, what is paid and outstanding, the bank reference, and the finance seal.
 */
export async function renderInvoiceDocument(data: InvoiceDocumentData, options: InvoiceDocumentOptions): Promise<Buffer> {
  const { list } = data;
  const invoice = list.invoice;
  const tz = options.timeZone ?? 'UTC';
  const layout = new PdfLayout({ Title: `Invoice ${invoice.number}`, Author: options.companyName, Subject: `Invoice ${invoice.number} for order ${data.orderNumber}`, Creator: 'OPM sales' });
  registerFonts(layout.doc, {});
  const { doc, width } = layout;
  letterhead(layout, options, 'INVOICE', '发票');

  layout.fields(
    [
      [
        ['Invoice no. 发票号', invoice.number],
        ['Issued 开票日期', formatDateTime(invoice.issuedAt, tz)],
        ['Due 到期日', invoice.dueDate],
      ],
      [
        ['Customer 客户', data.customerName],
        ['Order 订单', data.orderNumber],
        ['Payment terms 付款条件', dash(list.paymentTerms)],
      ],
    ],
    { labelWidth: 100 },
  );

  const fixed = 26 + 64 + 80 + 90;
  const columns: Column[] = [
    { header: 'No.\n序号', width: 26, align: 'center' },
    { header: 'Product / specification\n产品名称 / 规格', width: width - fixed },
    { header: 'Delivered\n交付数量', width: 64, align: 'right' },
    { header: `Unit price\n单价 (${invoice.currency})`, width: 80, align: 'right' },
    { header: `Amount\n金额 (${invoice.currency})`, width: 90, align: 'right' },
  ];
  const rows = list.lines.map((l): Cell[] => [
    { text: String(l.lineNo) },
    { text: dash(l.productName), note: l.specification ?? undefined },
    { text: formatQuantity(l.quantityDelivered) },
    { text: formatMoney(l.unitPrice) },
    { text: formatMoney(l.amount) },
  ]);
  const balance = invoiceBalance(invoice, list.paidAt);
  const totals: Array<[string, string, boolean]> = [
    [`Total 合计 (${invoice.currency})`, formatMoney(invoice.amount), true],
    ['Paid 已付', formatMoney(balance.paid), false],
    ['Outstanding 未付', formatMoney(balance.outstanding), true],
  ];
  const total: Block = {
    height: () => 8 + totals.length * 20,
    draw(x, by, w) {
      const boxWidth = 260;
      const boxX = x + w - boxWidth;
      totals.forEach(([label, value, bold], i) => {
        const rowY = by + 2 + i * 20;
        if (bold) doc.rect(boxX, rowY, boxWidth, 18).fill(COLOR.headerFill);
        layout.text(label, boxX + 6, rowY + 4, 130, { font: bold ? FONT.bold : FONT.regular, size: 10 });
        layout.text(value, boxX + 130, rowY + 4, boxWidth - 136, { font: bold ? FONT.bold : FONT.regular, size: 10, align: 'right' });
      });
    },
  };
  layout.table(columns, rows, { headings: ['Delivered quantities at the order prices  交付数量与订单价格'], closing: total });

  if (options.bankReference) {
    layout.fields([[['Bank / reference 银行信息', `${options.bankReference} — ${invoice.number}`]]], { headings: ['Payment  付款'], labelWidth: 100 });
  }

  financeSeal(layout, options);
  pageFooters(layout, `Invoice 发票 · ${invoice.number} · ${data.orderNumber}`);
  return layout.end();
}
