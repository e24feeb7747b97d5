import type { OrderDocumentData } from './order-document-data';
import type { PdfLayout } from './pdf-layout';

/** What every part of the printed order draws with: the layout, the data, and the options resolved. */
export interface OrderPrint {
  layout: PdfLayout;
  data: OrderDocumentData;
  companyName: string;
  companyNameZh: string | undefined;
  sealLabel: string;
  timeZone: string;
}
