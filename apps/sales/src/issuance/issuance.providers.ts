import type { Provider } from '@nestjs/common';
import { SALES_CONFIG, SalesConfig } from '../config/sales-config';
import { OrderMailer } from '../documents/order-mailer';
import { ORDER_MAILER } from './issuance.service';

/** The SMTP mailer when SMTP_URL is configured; otherwise none, and sending is refused with 422 (R4.4). */
export const ISSUE_MAILER_PROVIDER: Provider = {
  provide: ORDER_MAILER,
  inject: [SALES_CONFIG],
  useFactory: (config: SalesConfig) => (config.SMTP_URL ? new OrderMailer({ smtpUrl: config.SMTP_URL, from: config.SMTP_FROM }) : null),
};
