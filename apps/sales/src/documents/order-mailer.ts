import { createTransport } from 'nodemailer';

/*
 * Customer confirmation by e-mail (R4.4): after issuance sales tells the customer contact that the order was
 * received and when delivery is expected, with the printable order attached. Sent through the SMTP server
 * the deployment configures (nodemailer); TLS options can ride on the URL's query string as nodemailer
 * reads them (e.g. smtp://...:587 upgrades with STARTTLS when the server offers it; smtps:// is TLS from
 * the first byte).
 */

export interface OrderMailerConfig {
  /** smtp://user:pass@host:port or smtps://user:pass@host:port (user and password URL-encoded). */
  smtpUrl: string;
  /** The sender, e.g. '"Acme Sales 销售部" <sales@acme.example>'. */
  from: string;
  /** Connection, greeting and socket timeout; default 15 s. */
  timeoutMs?: number;
}

export interface OrderDocumentMail {
  to: string;
  toName?: string | null;
  orderNumber: string;
  pdf: Buffer;
  /** ISO date; null or absent: "to be confirmed". */
  expectedDeliveryDate: string | null;
  /** Which language leads (default 'en'); the mail always carries both. */
  language?: 'en' | 'zh';
  /** One line on where execution stands, e.g. 'Issued to production 已下达生产'. */
  progress?: string | null;
}

export interface SentOrderMail {
  messageId: string;
  accepted: string[];
}

/** An SMTP failure: names the server (never its password) and keeps the SMTP code where there is one. */
export class OrderMailError extends Error {
  constructor(
    message: string,
    readonly server: string,
    readonly code: string | undefined,
    readonly responseCode: number | undefined,
  ) {
    super(message);
    this.name = 'OrderMailError';
  }
}

interface SmtpErrorFields {
  code?: unknown;
  responseCode?: unknown;
}

export class OrderMailer {
  /** The server as it may be logged: scheme, user, host and port, without the password. */
  readonly server: string;
  private readonly secrets: string[];
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(private readonly config: OrderMailerConfig) {
    let url: URL;
    try {
      url = new URL(config.smtpUrl);
    } catch {
      // Not echoed: the string may hold a password.
      throw new Error('OrderMailer: smtpUrl is not a URL (expected smtp://user:pass@host:port or smtps://user:pass@host:port)');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      throw new Error(`OrderMailer: smtpUrl must use smtp: or smtps:, not ${url.protocol}`);
    }
    if (!config.from.trim()) throw new Error('OrderMailer: from is required');
    const port = url.port || (url.protocol === 'smtps:' ? '465' : '587');
    this.server = `${url.protocol}//${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.hostname}:${port}`;
    this.secrets = url.password ? [...new Set([url.password, decodeURIComponent(url.password)])] : [];
    const timeout = config.timeoutMs ?? 15_000;
    this.transport = createTransport({ url: config.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout * 2 });
  }

  /** E-mails the customer contact that the order was received, with the order PDF attached as <number>.pdf. */
  async sendOrderDocument(mail: OrderDocumentMail): Promise<SentOrderMail> {
    if (!mail.to.trim()) throw new Error(`order ${mail.orderNumber}: no customer e-mail address to send the order document to`);
    const { subject, text } = composeOrderMail(mail);
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
        subject,
        text,
        attachments: [{ filename: `${mail.orderNumber}.pdf`, content: mail.pdf, contentType: 'application/pdf' }],
      });
      return { messageId: info.messageId, accepted: info.accepted.map(String) };
    } catch (error) {
      throw this.failure(`sending order ${mail.orderNumber} to ${mail.to}`, error);
    }
  }

  /** A plain-text e-mail (a dunning notice, R7.3) to one recipient. */
  async sendText(mail: { to: string; toName?: string | null; subject: string; text: string }): Promise<SentOrderMail> {
    try {
      const info = await this.transport.sendMail({ from: this.config.from, to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to, subject: mail.subject, text: mail.text });
      return { messageId: info.messageId, accepted: info.accepted.map(String) };
    } catch (error) {
      throw this.failure(`sending "${mail.subject}" to ${mail.to}`, error);
    }
  }

  /** Connects and authenticates without sending: for a health check or start-up validation. */
  async verify(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      throw this.failure('checking the connection', error);
    }
  }

  close(): void {
    this.transport.close();
  }

  private failure(what: string, error: unknown): OrderMailError {
    const fields = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorFields;
    const code = typeof fields.code === 'string' ? fields.code : undefined;
    const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : undefined;
    const reason = this.redact(error instanceof Error ? error.message : String(error));
    return new OrderMailError(`SMTP server ${this.server}: ${what} failed${code ? ` (${code})` : ''}: ${reason}`, this.server, code, responseCode);
  }

  private redact(message: string): string {
    return this.secrets.reduce((text, secret) => text.split(secret).join('***'), message);
  }
}

/** Subject and bilingual body (English and Chinese; `language` decides which comes first). */
export function composeOrderMail(mail: Pick<OrderDocumentMail, 'toName' | 'orderNumber' | 'expectedDeliveryDate' | 'language' | 'progress'>): {
  subject: string;
  text: string;
} {
  const n = mail.orderNumber;
  const delivery = mail.expectedDeliveryDate;
  const english = [
    `Dear ${mail.toName?.trim() || 'customer'},`,
    '',
    `Thank you for your order ${n}. We confirm that we have received it and that it has been issued for execution.`,
    ...(mail.progress ? [`Progress: ${mail.progress}`] : []),
    `Expected delivery date: ${delivery ?? 'to be confirmed'}.`,
    `The order document is attached as ${n}.pdf. The verification code in its footer lets you check that it is the version we issued.`,
    '',
    'Kind regards,',
    'Sales department',
  ].join('\n');
  const chinese = [
    `尊敬的${mail.toName?.trim() || '客户'}：`,
    '',
    `感谢您的订单 ${n}。我们确认已收到该订单，并已下达执行。`,
    ...(mail.progress ? [`执行进度：${mail.progress}`] : []),
    `预计交货日期：${delivery ?? '待确认'}。`,
    `订单文件见附件 ${n}.pdf，页脚的校验码可用于核验该文件是否为我方签发的版本。`,
    '',
    '此致',
    '敬礼',
    '销售部',
  ].join('\n');
  const zhFirst = mail.language === 'zh';
  const subject = zhFirst ? `订单 ${n} 已收到 / Order ${n} received` : `Order ${n} received / 订单 ${n} 已收到`;
  const separator = '\n\n------------------------------\n\n';
  return { subject, text: zhFirst ? chinese + separator + english : english + separator + chinese };
}
