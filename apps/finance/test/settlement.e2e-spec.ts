import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { addDays, daysFromToday, DEMO_CUSTOMERS, isoDay, toMinorUnits } from '@opm/contracts';
import { clearOrderBody, eventually, OrderDriver, TestStack } from '@opm/testing';
import { extractPdf } from '@opm/testing';
import { type SmtpSink, startSmtpSink } from '@opm/testing';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

interface InvoiceBody {
  id: string;
  number: string;
  orderId: string;
  amount: string;
  currency: string;
  issuedAt: string;
  dueDate: string;
  dueDateSource: string;
  status: string;
  paid: string;
  outstanding: string;
  payments: { id: string; amount: string; method: string; reference: string | null }[];
}

interface Check {
  check: string;
  result: string;
  reasons: string[];
}
const creditCheck = (order: { preliminaryReview: { checks: Check[] } }) => order.preliminaryReview.checks.find((c) => c.check === 'CREDIT');

const fields = (body: Problem) => [...new Set((body.errors ?? []).map((e) => e.field))];

/**
 * Settlement through the gateway (issue 16 items 1-3 and 6, R7.1, R7.2, R2.4): a DELIVERED order's settlement list is
 * drawn from the delivered quantities at the order's prices, submitted with the customer's reconciliation, rejected
 * and resubmitted, approved by the finance head (the invoice due by the payment terms, the order INVOICED), paid in part
 * (PARTIALLY_PAID, outstanding right, a retried payment recorded once, an overpayment 422) and in full (PAID, the order
 * SETTLED); an invoice past due makes the customer's next order fail the preliminary credit check.
 */
describe('settlement (e2e)', () => {
  let stack: TestStack;
  let driver: OrderDriver;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink({ user: 'opm', pass: 'dunning-mail' });
    // Generous upstream timeouts for a loaded 2-core machine (what earlier files left on the broker, TestStack skips).
    // Dunning (issue 16 item 4): a real SMTP server, finance's overdue scan every second and sales' mail scan every 250 ms.
    stack = await TestStack.start({
      env: { UPSTREAM_TIMEOUT_MS: '60000', PART_TIMEOUT_MS: '20000', SMTP_URL: `smtp://opm:dunning-mail@${smtp.host}:${smtp.port}`, FINANCE_OVERDUE_SCAN_MS: '1000', DUNNING_MAIL_SCAN_MS: '250' },
    });
    driver = new OrderDriver(stack);
    await stack.waitForDemoData();
  }, 480_000);
  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
  });

  /** Ships and delivers every ordered quantity of an order READY_TO_SHIP: the order DELIVERED. */
  const shipAndDeliver = async (id: string, quantity: number) => {
    const planned = await eventually(async () => {
      const res = await driver.post('/logistics/shipments', 'logistics.staff', { orderId: id, lines: [{ lineNo: 1, quantity }], carrier: 'COSCO Shipping', plannedDate: daysFromToday(7) });
      if (res.status !== 201) throw new Error(`logistics does not ship ${id} yet: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string };
    }, { timeoutMs: 120_000 });
    expect((await driver.post(`/logistics/shipments/${planned.id}/dispatch`, 'logistics.staff', { trackingNumber: 'COSU6182736450' })).status).toBe(200);
    expect((await driver.post(`/logistics/shipments/${planned.id}/delivery`, 'logistics.staff', { receivedBy: 'Li Wei, goods-in', receivedAt: new Date().toISOString(), note: null })).status).toBe(200);
    await driver.statusBecomes(id, 'DELIVERED');
  };
  const settlement = async (id: string) => {
    const res = await driver.get(`/orders/${id}/settlement`);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Finance holds the list once sales' event has arrived. */
  const financeHolds = (id: string, revision: number) =>
    eventually(async () => {
      const res = await driver.get(`/finance/settlements/${id}`, 'finance.head');
      if (res.status !== 200 || res.body.revision !== revision) throw new Error(`finance does not hold revision ${revision} of ${id}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    }, { timeoutMs: 60_000 });
  const invoicePdf = async (id: string) => fetch(`${stack.member('gateway').baseUrl}/api/v1/orders/${id}/invoice/document.pdf`, { headers: { authorization: await stack.bearer('production.staff') } });
  const agreed = { agreedBy: 'Wang Fang, purchasing', agreedAt: new Date().toISOString(), note: 'quantities agreed by e-mail' };
  const pay = (invoiceId: string, body: object, key: string = randomUUID()) => driver.post(`/finance/invoices/${invoiceId}/payments`, 'finance.staff', body, { 'idempotency-key': key });

  it('R7.1 R7.2 delivered -> settlement list of delivered quantities -> submit -> reject and resubmit -> approve: invoice due by the terms, INVOICED -> partial payment -> retry once -> overpayment 422 -> final payment: PAID, SETTLED', async () => {
    const body = clearOrderBody();
    const { id } = await driver.readyToShip(body);

    // R7.1: no settlement list before the order is delivered.
    const early = await driver.post(`/orders/${id}/settlement`, 'sales.staff');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ currentStatus: 'READY_TO_SHIP' });
    expect((await driver.get(`/orders/${id}/settlement`)).status).toBe(404);

    await shipAndDeliver(id, 100);

    // R7.1 R7.2: drawn from the delivered quantities at the order's price; sales only.
    expect((await driver.post(`/orders/${id}/settlement`, 'production.staff')).status).toBe(403);
    const drafted = await driver.post(`/orders/${id}/settlement`, 'sales.staff');
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({
      status: 'DRAFT',
      lines: [{ lineNo: 1, productName: expect.stringContaining('P-100'), quantityOrdered: 100, quantityDelivered: 100, unitPrice: '12.50', amount: '1250.00' }],
      totalAmount: '1250.00',
      orderedAmount: '1250.00',
      differsFromOrder: false,
      currency: 'CNY',
      paymentTerms: '30 days net',
      revision: 0,
      reconciliation: null,
    });

    // Submit: the customer's reconciliation is required, field by field.
    const incomplete = await driver.post(`/orders/${id}/settlement/submit`, 'sales.staff', { agreedAt: 'yesterday' });
    expect(incomplete.status).toBe(400);
    expect(fields(incomplete.body)).toEqual(expect.arrayContaining(['agreedBy', 'agreedAt']));
    const submitted = await driver.post(`/orders/${id}/settlement/submit`, 'sales.staff', agreed);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', revision: 1, reconciliation: { agreedBy: agreed.agreedBy, note: agreed.note }, submittedBy: 'sales.staff' });
    expect((await driver.post(`/orders/${id}/settlement/submit`, 'sales.staff', agreed)).status).toBe(409);
    expect((await driver.post(`/orders/${id}/settlement`, 'sales.staff')).status).toBe(409);

    // R7.2: the finance head reviews; a rejection needs a comment and sends the list back to sales as DRAFT.
    const held = await financeHolds(id, 1);
    expect(held).toMatchObject({ status: 'SUBMITTED', totalAmount: '1250.00', paymentTerms: '30 days net', lines: drafted.body.lines, invoice: null });
    expect((await driver.post(`/finance/settlements/${id}/review`, 'finance.staff', { decision: 'APPROVE' })).status).toBe(403);
    const noComment = await driver.post(`/finance/settlements/${id}/review`, 'finance.head', { decision: 'REJECT' });
    expect(noComment.status).toBe(400);
    expect(fields(noComment.body)).toEqual(['comment']);
    const rejected = await driver.post(`/finance/settlements/${id}/review`, 'finance.head', { decision: 'REJECT', comment: 'attach the signed proof of delivery' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', comment: 'attach the signed proof of delivery', invoice: null });
    await eventually(async () => expect(await settlement(id)).toMatchObject({ status: 'DRAFT', review: { decision: 'REJECT', comment: 'attach the signed proof of delivery', reviewedBy: 'finance.head', revision: 1 } }), { timeoutMs: 60_000 });
    expect((await driver.order(id)).status).toBe('DELIVERED');

    // Redrawn and submitted again: revision 2, which the head approves.
    expect((await driver.post(`/orders/${id}/settlement`, 'sales.staff')).status).toBe(201);
    expect((await driver.post(`/orders/${id}/settlement/submit`, 'sales.staff', { ...agreed, note: 'signed proof of delivery attached' })).body).toMatchObject({ status: 'SUBMITTED', revision: 2 });
    await financeHolds(id, 2);
    // No invoice yet: its printable document is 404.
    expect((await invoicePdf(id)).status).toBe(404);
    const approved = await driver.post(`/finance/settlements/${id}/review`, 'finance.head', { decision: 'APPROVE', comment: 'matches the proofs of delivery' });
    expect(approved.status).toBe(200);
    const invoice = approved.body.invoice as InvoiceBody;
    expect(approved.body.status).toBe('APPROVED');
    expect(invoice).toMatchObject({ orderId: id, amount: '1250.00', currency: 'CNY', status: 'OPEN', paid: '0.00', outstanding: '1250.00', dueDateSource: 'PAYMENT_TERMS', payments: [] });
    expect(invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
    // "30 days net": due 30 days after the issue date.
    expect(invoice.dueDate).toBe(addDays(isoDay(new Date(invoice.issuedAt)), 30));
    expect((await driver.post(`/finance/settlements/${id}/review`, 'finance.head', { decision: 'APPROVE' })).status).toBe(409);

    // The order INVOICED; sales' list shows the invoice.
    await driver.statusBecomes(id, 'INVOICED');
    expect(await settlement(id)).toMatchObject({ status: 'APPROVED', invoice: { invoiceId: invoice.id, number: invoice.number, amount: '1250.00', dueDate: invoice.dueDate } });

    // Listed for finance and sales, filtered; other departments 403.
    const listed = await driver.get(`/finance/invoices?orderId=${id}`, 'sales.head');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: invoice.id, outstanding: '1250.00', status: 'OPEN' }] });
    expect((await driver.get(`/finance/invoices?orderId=${id}&status=PAID`, 'finance.staff')).body.total).toBe(0);
    expect((await driver.get(`/finance/invoices?orderId=${id}`, 'production.staff')).status).toBe(403);

    // R7.2: a partial payment; the same request retried with its Idempotency-Key is recorded once.
    const key = randomUUID();
    const partialBody = { amount: '500.00', method: 'BANK_TRANSFER', paidAt: new Date().toISOString(), reference: 'TT-0042' };
    const partial = await pay(invoice.id, partialBody, key);
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ status: 'PARTIALLY_PAID', paid: '500.00', outstanding: '750.00', payments: [{ amount: '500.00', method: 'BANK_TRANSFER', reference: 'TT-0042' }] });
    const retried = await pay(invoice.id, partialBody, key);
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toEqual(partial.body);
    const afterRetry = await driver.get(`/finance/invoices/${invoice.id}`, 'finance.staff');
    expect(afterRetry.body).toMatchObject({ status: 'PARTIALLY_PAID', outstanding: '750.00' });
    expect(afterRetry.body.payments).toHaveLength(1);

    // R7.2 issue 16 item 7: sales hears the payment; the printable invoice through the gateway shows its number, paid and outstanding.
    await eventually(async () => {
      const list = await settlement(id);
      if (list.invoice?.outstanding !== '750.00') throw new Error(`sales has not heard the payment yet: ${JSON.stringify(list.invoice)}`);
    }, { timeoutMs: 60_000 });
    const invoiceDoc = await invoicePdf(id);
    expect(invoiceDoc.status).toBe(200);
    expect(invoiceDoc.headers.get('content-type')).toBe('application/pdf');
    const invoiceText = (await extractPdf(Buffer.from(await invoiceDoc.arrayBuffer()))).pages.join('').replace(/\s+/g, '');
    for (const part of [invoice.number, invoice.dueDate, '1,250.00', 'Paid已付500.00', 'Outstanding未付750.00']) expect({ part, found: invoiceText.includes(part) }).toEqual({ part, found: true });

    // Bad input 400 naming the field; more than outstanding 422 naming amount; nothing recorded.
    const badMethod = await pay(invoice.id, { ...partialBody, method: 'BITCOIN' });
    expect(badMethod.status).toBe(400);
    expect(fields(badMethod.body)).toEqual(['method']);
    const floatAmount = await pay(invoice.id, { ...partialBody, amount: 750 });
    expect(floatAmount.status).toBe(400);
    expect(fields(floatAmount.body)).toEqual(['amount']);
    const over = await pay(invoice.id, { ...partialBody, amount: '750.01', reference: 'TT-0043' });
    expect(over.status).toBe(422);
    expect(fields(over.body)).toEqual(['amount']);
    const final = await pay(invoice.id, { ...partialBody, amount: '750.00', reference: 'TT-0044' });
    expect(final.status).toBe(201);
    expect(final.body).toMatchObject({ status: 'PAID', paid: '1250.00', outstanding: '0.00' });
    expect((await pay(invoice.id, { ...partialBody, amount: '0.01' })).status).toBe(422);
    expect((await driver.get(`/finance/invoices/${invoice.id}`, 'finance.staff')).body.payments).toHaveLength(2);

    // The printable list (issue 16 item 7), sealed now that finance approved it.
    const printed = await fetch(`${stack.member('gateway').baseUrl}/api/v1/orders/${id}/settlement/document.pdf`, { headers: { authorization: await stack.bearer('sales.staff') } });
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await printed.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Paid in full: the order SETTLED, once.
    await driver.statusBecomes(id, 'SETTLED');
    expect(await settlement(id)).toMatchObject({ status: 'APPROVED', paidAt: expect.any(String) });
    const audit = await driver.get(`/orders/${id}/audit`, 'sales.head');
    const actions = (audit.body.items as { service: string; action: string }[]).filter((e) => e.service === 'sales').map((e) => e.action);
    expect(actions.filter((a) => a === 'order.invoiced')).toHaveLength(1);
    expect(actions.filter((a) => a === 'order.settled')).toHaveLength(1);
  }, 600_000);

  it('R2.4 R7.2 R7.3 R7.4 terms finance cannot read need a due date (422 naming paymentTerms and dueDate); an invoice past due is dunned and the reminder mailed to the customer once, and fails the customer\'s next credit check until it is paid; the payment is a settlement record, exported as CSV', async () => {
    const customer = DEMO_CUSTOMERS[1];
    const { id } = await driver.readyToShip(clearOrderBody({ customerId: customer.id, paymentTerms: 'as agreed in framework contract FC-2026-07' }));
    await shipAndDeliver(id, 100);
    expect((await driver.post(`/orders/${id}/settlement`, 'sales.staff')).status).toBe(201);
    expect((await driver.post(`/orders/${id}/settlement/submit`, 'sales.staff', agreed)).status).toBe(200);
    await financeHolds(id, 1);
    const before = (await driver.get(`/customers/${customer.id}/credit`, 'finance.staff')).body;

    // R7.2: terms finance cannot read and no due date given: 422 naming both, nothing issued.
    const unreadable = await driver.post(`/finance/settlements/${id}/review`, 'finance.head', { decision: 'APPROVE' });
    expect(unreadable.status).toBe(422);
    expect(fields(unreadable.body)).toEqual(['paymentTerms', 'dueDate']);
    expect((await driver.get(`/finance/invoices?orderId=${id}`, 'finance.staff')).body.total).toBe(0);
    expect((await driver.post(`/finance/settlements/${id}/review`, 'finance.head', { decision: 'APPROVE', dueDate: '2027-02-30' })).status).toBe(400);

    // The head sets the due date: agreed for three days ago, so the invoice is overdue at once.
    const pastDue = daysFromToday(-3);
    const approved = await driver.post(`/finance/settlements/${id}/review`, 'finance.head', { decision: 'APPROVE', dueDate: pastDue });
    expect(approved.status).toBe(200);
    const invoice = approved.body.invoice as InvoiceBody;
    expect(invoice).toMatchObject({ dueDate: pastDue, dueDateSource: 'FINANCE', amount: '1250.00', status: 'OPEN' });
    await driver.statusBecomes(id, 'INVOICED');

    // R7.3 issue 16 item 4: three days overdue reaches the reminder; sales mails it to the customer once, with its text.
    const reminderMail = await eventually(async () => {
      const found = await Promise.all(smtp.messages.filter((m) => m.rcptTo.includes(customer.email as string)).map((m) => simpleParser(m.raw)));
      const mine = found.filter((m) => m.subject?.includes(invoice.number));
      if (mine.length === 0) throw new Error(`no dunning mail for ${invoice.number} yet`);
      return mine;
    }, { timeoutMs: 60_000 });
    const dunningMails = await eventually(async () => {
      const res = await driver.get(`/orders/${id}/invoice/dunning`, 'sales.staff');
      if (res.body.items?.[0]?.status !== 'MAILED') throw new Error(`not MAILED yet: ${JSON.stringify(res.body)}`);
      return res.body.items as { level: string; daysOverdue: number; status: string; mailedTo: string; attempts: number }[];
    }, { timeoutMs: 30_000 });
    expect(dunningMails).toEqual([expect.objectContaining({ level: 'REMINDER', daysOverdue: 3, status: 'MAILED', mailedTo: customer.email, attempts: 1 })]);
    expect(reminderMail[0].subject).toBe(`Payment reminder / 付款提醒: ${invoice.number}`);
    const mailText = reminderMail[0].text ?? '';
    for (const part of ['friendly reminder', `Invoice: ${invoice.number}`, 'Amount outstanding: 1,250.00 CNY', `Due date: ${pastDue}`, 'Days overdue: 3']) expect({ part, found: mailText.includes(part) }).toEqual({ part, found: true });
    // Later scans do not mail the same level again.
    await new Promise((r) => setTimeout(r, 2_500));
    const again = await Promise.all(smtp.messages.filter((m) => m.rcptTo.includes(customer.email as string)).map((m) => simpleParser(m.raw)));
    expect(again.filter((m) => m.subject?.includes(invoice.number))).toHaveLength(1);

    // R2.4: finance's standing comes from its invoices: the order left the open orders, its invoice is open and overdue.
    const after = (await driver.get(`/customers/${customer.id}/credit`, 'finance.staff')).body;
    expect(after).toMatchObject({ overdueAmount: '1250.00' });
    expect(toMinorUnits(after.openInvoiceAmount) - toMinorUnits(before.openInvoiceAmount)).toBe(125000n);
    expect(toMinorUnits(before.openOrderAmount) - toMinorUnits(after.openOrderAmount)).toBe(125000n);
    await eventually(async () => expect((await driver.get(`/customers/${customer.id}`, 'sales.staff')).body.credit).toMatchObject({ overdueAmount: '1250.00' }), { timeoutMs: 60_000 });

    // The customer's next order fails the preliminary credit check on the overdue debt and is escalated.
    const next = await driver.post('/orders', 'sales.staff', clearOrderBody({ customerId: customer.id }));
    expect(next.status).toBe(201);
    expect(next.body.status).toBe('ESCALATED');
    expect(creditCheck(next.body)).toMatchObject({ result: 'FAIL', reasons: ['overdue debt of 1250.00 CNY'] });

    // Paid: the overdue debt is gone, the order SETTLED, and the next order passes the credit check.
    const paid = await pay(invoice.id, { amount: '1250.00', method: 'CHEQUE', paidAt: new Date().toISOString(), reference: 'CHQ 004711' });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'PAID', outstanding: '0.00' });
    await driver.statusBecomes(id, 'SETTLED');
    expect((await driver.get(`/customers/${customer.id}/credit`, 'finance.staff')).body).toMatchObject({ overdueAmount: '0.00', openInvoiceAmount: before.openInvoiceAmount });
    await eventually(async () => expect((await driver.get(`/customers/${customer.id}`, 'sales.staff')).body.credit).toMatchObject({ overdueAmount: '0.00' }), { timeoutMs: 60_000 });
    const cleared = await driver.post('/orders', 'sales.staff', clearOrderBody({ customerId: customer.id }));
    expect(creditCheck(cleared.body)).toMatchObject({ result: 'PASS' });
    // Left where it waits for people (the approvals), so nothing of it is still moving when the stack stops.
    await driver.statusBecomes(cleared.body.id, 'AWAITING_APPROVAL');

    // R7.4: the payment is a settlement record, found by customer and date, and exported as CSV.
    const today = isoDay(new Date());
    const records = await driver.get(`/finance/settlement-records?customerId=${customer.id}&from=${today}&to=${today}`, 'sales.head');
    expect(records.status).toBe(200);
    expect(records.body.items).toEqual([
      expect.objectContaining({ paymentId: paid.body.payments[0].id, amount: '1250.00', currency: 'CNY', method: 'CHEQUE', reference: 'CHQ 004711', customerId: customer.id, customerName: customer.name, orderId: id, invoiceNumber: invoice.number }),
    ]);
    expect((await driver.get(`/finance/settlement-records?customerId=${customer.id}&to=${addDays(today, -1)}`, 'finance.staff')).body.total).toBe(0);
    expect((await driver.get('/finance/settlement-records', 'sales.staff')).status).toBe(403);
    const badFrom = await driver.get('/finance/settlement-records?from=last-week', 'finance.staff');
    expect(badFrom.status).toBe(400);
    expect(fields(badFrom.body)).toEqual(['from']);
    const csv = await driver.get(`/finance/settlement-records.csv?customerId=${customer.id}&from=${today}`, 'finance.staff');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, row, end] = csv.text.split('\r\n');
    expect(header).toBe('paidAt,amount,currency,method,reference,customerId,customerName,orderNumber,invoiceNumber,recordedBy,paymentId,orderId,invoiceId');
    expect(row).toContain(`,1250.00,CNY,CHEQUE,CHQ 004711,${customer.id},${customer.name},`);
    expect(row).toContain(`,${invoice.number},finance.staff,`);
    expect(end).toBe('');
  }, 600_000);

  it('R7.3 receivables ageing by due date with a fixed clock moving an invoice through the buckets, which add up to the total; a dispute holds the invoice DISPUTED until resolved', async () => {
    type Ageing = { asOf: string; total: string; buckets: { bucket: string; amount: string; count: number }[] };
    const ageing = async (asOf: string): Promise<Ageing> => {
      const res = await driver.get(`/finance/receivables/ageing?asOf=${asOf}&currency=CNY`, 'finance.staff');
      expect(res.status).toBe(200);
      // The buckets add up to the total exactly, every time.
      expect(res.body.buckets.reduce((sum: bigint, b: { amount: string }) => sum + toMinorUnits(b.amount), 0n)).toBe(toMinorUnits(res.body.total));
      expect(res.body.buckets.map((b: { bucket: string }) => b.bucket)).toEqual(['CURRENT', '1-30', '31-60', '61-90', '90+']);
      return res.body;
    };
    /** What one invoice added to each bucket between two ageings of the same day. */
    const added = (before: Ageing, after: Ageing) =>
      Object.fromEntries(after.buckets.map((b, i) => [b.bucket, fromMinor(toMinorUnits(b.amount) - toMinorUnits(before.buckets[i].amount))]).filter(([, v]) => v !== '0.00'));
    const fromMinor = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;

    expect((await driver.get('/finance/receivables/ageing', 'leader')).status).toBe(200);
    expect((await driver.get('/finance/receivables/ageing', 'sales.staff')).status).toBe(403);
    const badDay = await driver.get('/finance/receivables/ageing?asOf=tomorrow', 'finance.staff');
    expect(badDay.status).toBe(400);
    expect(fields(badDay.body)).toEqual(['asOf']);

    const { id } = await driver.readyToShip(clearOrderBody());
    await shipAndDeliver(id, 100);
    expect((await driver.post(`/orders/${id}/settlement`, 'sales.staff')).status).toBe(201);
    expect((await driver.post(`/orders/${id}/settlement/submit`, 'sales.staff', agreed)).status).toBe(200);
    await financeHolds(id, 1);

    // The clock: today, the due date, and a day into each later bucket; each day's ageing taken before the invoice exists.
    const today = isoDay(new Date());
    const due = addDays(today, 30);
    const days = { CURRENT: due, '1-30': addDays(due, 1), '31-60': addDays(due, 31), '61-90': addDays(due, 61), '90+': addDays(due, 91), '90+ later': addDays(due, 400) };
    const before = Object.fromEntries(await Promise.all(Object.entries(days).map(async ([k, d]) => [k, await ageing(d)] as const)));
    const approved = await driver.post(`/finance/settlements/${id}/review`, 'finance.head', { decision: 'APPROVE' });
    expect(approved.status).toBe(200);
    const invoice = approved.body.invoice as InvoiceBody;
    expect(invoice.dueDate).toBe(due);
    for (const [k, d] of Object.entries(days)) expect({ k, added: added(before[k], await ageing(d)) }).toEqual({ k, added: { [k.replace(' later', '')]: '1250.00' } });

    // A partial payment lowers the invoice's bucket by what was paid.
    expect((await pay(invoice.id, { amount: '250.00', method: 'BANK_TRANSFER', paidAt: new Date().toISOString(), reference: 'TT-0100' })).status).toBe(201);
    expect(added(before['31-60'], await ageing(days['31-60']))).toEqual({ '31-60': '1000.00' });

    // R7.3 disputes: opened with a reason (400 without), one at a time; escalated to legal; resolved with a resolution.
    expect((await driver.post(`/finance/invoices/${invoice.id}/disputes`, 'production.staff', { reason: 'x' })).status).toBe(403);
    const noReason = await driver.post(`/finance/invoices/${invoice.id}/disputes`, 'finance.staff', {});
    expect(noReason.status).toBe(400);
    expect(fields(noReason.body)).toEqual(['reason']);
    const opened = await driver.post(`/finance/invoices/${invoice.id}/disputes`, 'finance.staff', { reason: 'the customer contests 2 flanges missing from crate 3' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'OPEN', invoiceStatus: 'DISPUTED', openedBy: 'finance.staff' });
    expect((await driver.post(`/finance/invoices/${invoice.id}/disputes`, 'finance.staff', { reason: 'again' })).status).toBe(409);
    expect((await driver.get(`/finance/invoices?status=DISPUTED&orderId=${id}`, 'finance.staff')).body.total).toBe(1);
    // Payments go on while it is disputed; it stays DISPUTED.
    expect((await pay(invoice.id, { amount: '250.00', method: 'CASH', paidAt: new Date().toISOString(), reference: null })).body).toMatchObject({ status: 'DISPUTED', outstanding: '750.00' });
    const escalated = await driver.post(`/finance/disputes/${opened.body.id}/escalate`, 'finance.head', { reason: 'no answer to two reminders' });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({ status: 'ESCALATED', escalationNote: 'no answer to two reminders', escalatedBy: 'finance.head', invoiceStatus: 'DISPUTED' });
    expect((await driver.post(`/finance/disputes/${opened.body.id}/escalate`, 'finance.head', { reason: 'again' })).status).toBe(409);
    const resolved = await driver.post(`/finance/disputes/${opened.body.id}/resolve`, 'finance.head', { resolution: 'delivery confirmed by the carrier; the rest is due' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', resolution: 'delivery confirmed by the carrier; the rest is due', invoiceStatus: 'PARTIALLY_PAID' });
    expect((await driver.post(`/finance/disputes/${opened.body.id}/resolve`, 'finance.head', { resolution: 'again' })).status).toBe(409);
    expect((await driver.get(`/finance/invoices/${invoice.id}/disputes`, 'sales.staff')).body.items.map((d: { status: string }) => d.status)).toEqual(['RESOLVED']);
    expect((await driver.get(`/finance/invoices/${invoice.id}`, 'finance.staff')).body).toMatchObject({ status: 'PARTIALLY_PAID', outstanding: '750.00' });
  }, 600_000);
});
