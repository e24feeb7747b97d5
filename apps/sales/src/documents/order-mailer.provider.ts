import type { Provider } from '@nestjs/common';
import { SALES_CONFIG, SalesConfig } from '../config/sales-config';
import { OrderMailer } from './order-mailer';

export const ORDER_MAILER = Symbol('ORDER_MAILER');

/**
 * The SMTP mailer when SMTP_URL is configured, else none (each user says what that means: issuance refuses sending
 * with 422, dunning and escalations record NO_SMTP). One factory shared by issuance, dunning and tracking.
 */
export const ORDER_MAILER_PROVIDER: Provider = {
  provide: ORDER_MAILER,
  inject: [SALES_CONFIG],
  useFactory: (config: SalesConfig) => (config.SMTP_URL ? new OrderMailer({ smtpUrl: config.SMTP_URL, from: config.SMTP_FROM }) : null),
};
