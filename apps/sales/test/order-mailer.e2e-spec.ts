import { simpleParser } from 'mailparser';
import { composeOrderMail, OrderMailer, OrderMailError } from '../src/documents/order-mailer';
import { renderOrderDocument } from '../src/documents/order-document';
import { COMPANY, sampleOrder } from '../src/documents/test/sample-order';
import { startSmtpSink, type SmtpSink } from '@opm/testing';

const USER = 'sales-bot';
const PASS = 'S3cret/P@ss word';

describe('customer confirmation by e-mail (R4.4)', () => {
  let sink: SmtpSink;
  const mailers: OrderMailer[] = [];
  const mailer = (pass: string, port = sink.port): OrderMailer => {
    const m = new OrderMailer({
      smtpUrl: `smtp://${USER}:${encodeURIComponent(pass)}@${sink.host}:${port}`,
      from: '"Acme Sales 销售部" <sales@acme.example>',
      timeoutMs: 5_000,
    });
    mailers.push(m);
    return m;
  };

  beforeAll(async () => {
    sink = await startSmtpSink({ user: USER, pass: PASS });
  });
  afterAll(async () => {
    for (const m of mailers) m.close();
    await sink.close();
  });

  it('R4.4 e-mails the order PDF to the customer through a real SMTP server', async () => {
    const order = sampleOrder();
    const pdf = await renderOrderDocument(order, COMPANY);
    const before = sink.messages.length;

    const sent = await mailer(PASS).sendOrderDocument({
      to: 'li.na@customer.example',
      toName: '李娜',
      orderNumber: order.orderNumber,
      pdf,
      expectedDeliveryDate: '2027-01-15',
      language: 'zh',
      progress: 'Issued to production 已下达生产',
    });

    expect(sent.accepted).toEqual(['li.na@customer.example']);
    expect(sink.messages).toHaveLength(before + 1);
    const received = sink.messages[before];
    expect(received.rcptTo).toEqual(['li.na@customer.example']);
    expect(received.mailFrom).toBe('sales@acme.example');
    expect(received.authenticatedAs).toBe(USER);

    const mail = await simpleParser(received.raw);
    expect(mail.messageId).toBe(sent.messageId);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to[0]?.value).toEqual([{ name: '李娜', address: 'li.na@customer.example' }]);
    expect(mail.subject).toContain(order.orderNumber);
    expect(mail.subject?.startsWith('订单')).toBe(true); // language 'zh' leads with Chinese
    expect(mail.text).toContain('尊敬的李娜');
    expect(mail.text).toContain('预计交货日期：2027-01-15');
    expect(mail.text).toContain('Expected delivery date: 2027-01-15');
    expect(mail.text).toContain('执行进度：Issued to production 已下达生产');
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment.filename).toBe(`${order.orderNumber}.pdf`);
    expect(attachment.contentType).toBe('application/pdf');
    expect(Buffer.compare(attachment.content, pdf)).toBe(0);
  });

  it('R4.4 a wrong password fails with an error naming the SMTP server but not the password', async () => {
    const wrong = 'Wr0ng-Secret-9876';
    const before = sink.messages.length;
    const attempt = mailer(wrong).sendOrderDocument({
      to: 'li.na@customer.example',
      orderNumber: 'SO-2026-000124',
      pdf: Buffer.from('%PDF-1.3\n'),
      expectedDeliveryDate: null,
    });

    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OrderMailError);
    const failure = error as OrderMailError;
    expect(failure.message).toContain(`smtp://${USER}@127.0.0.1:${sink.port}`);
    expect(failure.message).toContain('SO-2026-000124');
    expect(failure.code).toBe('EAUTH');
    expect(failure.responseCode).toBe(535);
    expect(failure.message).not.toContain(wrong);
    expect(failure.message).not.toContain(encodeURIComponent(wrong));
    expect(failure.server).toBe(`smtp://${USER}@127.0.0.1:${sink.port}`);
    expect(sink.failedLogins).toContain(USER);
    expect(sink.messages).toHaveLength(before);
  });

  it('R4.4 an unreachable SMTP server fails with an error naming it', async () => {
    const closed = await startSmtpSink({ user: USER, pass: PASS });
    const port = closed.port;
    await closed.close();
    await expect(mailer(PASS, port).verify()).rejects.toThrow(new RegExp(`SMTP server smtp://${USER}@127\\.0\\.0\\.1:${port}: checking the connection failed`));
  });

  it('R4.4 verify() logs in to the configured server', async () => {
    await expect(mailer(PASS).verify()).resolves.toBeUndefined();
  });

  it('R4.4 refuses a configuration that is not an SMTP URL without echoing it', () => {
    expect(() => new OrderMailer({ smtpUrl: 'not a url topsecret', from: 'a@b.example' })).toThrow(/not a URL/);
    expect(() => new OrderMailer({ smtpUrl: 'not a url topsecret', from: 'a@b.example' })).not.toThrow(/topsecret/);
    expect(() => new OrderMailer({ smtpUrl: 'http://u:topsecret@mail.example', from: 'a@b.example' })).toThrow(/smtp: or smtps:/);
    expect(() => new OrderMailer({ smtpUrl: 'smtp://mail.example', from: ' ' })).toThrow(/from is required/);
  });

  it('R4.4 the mail is bilingual and leads with English by default', () => {
    const { subject, text } = composeOrderMail({ orderNumber: 'SO-1', expectedDeliveryDate: null });
    expect(subject).toBe('Order SO-1 received / 订单 SO-1 已收到');
    expect(text.indexOf('Dear customer')).toBeLessThan(text.indexOf('尊敬的客户'));
    expect(text).toContain('Expected delivery date: to be confirmed.');
    expect(text).toContain('预计交货日期：待确认。');
    expect(text).toContain('SO-1.pdf');
  });
});
