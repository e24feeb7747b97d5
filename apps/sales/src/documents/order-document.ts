import { verificationKeyword } from './document-fingerprint';
import { registerFonts } from './fonts';
import type { OrderDocumentData, OrderDocumentOptions } from './order-document-data';
import { companyHeader, draftWatermarks, footers, runningHeader } from './order-page-furniture';
import type { OrderPrint } from './order-print';
import { approvalsSection, customerSection, linesSection, orderTitle, signatureSection, termsSection } from './order-sections';
import { PdfLayout } from './pdf-layout';

export type { OrderDocumentData, OrderDocumentOptions } from './order-document-data';

/**
 * The printable order (R4.3) as an A4 PDF: company header, order number, customer, lines (continued over
 * pages with the header row repeated), totals, special requirements beside delivery and payment terms,
 * approval trail, signature block with the drawn company seal (none on a draft), and on every page the
 * verification code (data.verificationCode, which the caller computes with documentFingerprint), also
 * written into the info dictionary for readVerificationCode().
 */
export async function renderOrderDocument(data: OrderDocumentData, options: OrderDocumentOptions): Promise<Buffer> {
  if (!options.companyName.trim()) throw new Error('companyName is required for the order document');
  const layout = new PdfLayout({
    Title: data.orderNumber,
    Author: options.companyName,
    Subject: `Sales order ${data.orderNumber}; verification code ${data.verificationCode}`,
    Keywords: `order:${data.orderNumber} ${verificationKeyword(data.verificationCode)}`,
    Creator: 'OPM sales',
  });
  registerFonts(layout.doc, options);
  const print: OrderPrint = {
    layout,
    data,
    companyName: options.companyName,
    companyNameZh: options.companyNameZh,
    sealLabel: options.sealLabel ?? '订单专用章',
    timeZone: options.timeZone ?? 'UTC',
  };
  layout.onNewPage(() => runningHeader(print));
  companyHeader(print);
  orderTitle(print);
  customerSection(print);
  linesSection(print);
  termsSection(print);
  approvalsSection(print);
  signatureSection(print);
  if (!data.signature) draftWatermarks(print);
  footers(print);
  return layout.end();
}
