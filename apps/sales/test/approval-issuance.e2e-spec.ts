import { simpleParser } from 'mailparser';
import request from 'supertest';
import { daysFromToday, DEPARTMENT_SERVICES } from '@opm/contracts';
import { eventually, mintToken, orderBody, TestStack } from '@opm/testing';
import { extractPdf } from '@opm/testing';
import { SmtpSink, startSmtpSink } from '@opm/testing';

/** A catalog order every department clears at once (auto-confirm), with Chinese special requirements. */
const clearOrder = () =>
  orderBody({
    deliveryDate: daysFromToday(150),
    lines: [{ productCode: 'P-100', quantity: 100, unitPrice: '12.50' }],
    specialRequirements: { customization: null, packaging: '出口木箱包装', transportMode: '海运', other: null },
  });

/** Approval chain, signed issuance, the sealed PDF and the customer's confirmation (policy section 四). */
describe('approval, issuance, printable order, customer confirmation (e2e)', () => {
  let stack: TestStack;
  let smtp: SmtpSink;
  let gateway: ReturnType<typeof request>;
  const as = (user: string) => stack.bearer(user);

  beforeAll(async () => {
    smtp = await startSmtpSink({ user: 'opm', pass: 's3cret-mail' });
    stack = await TestStack.start({
      env: { SMTP_URL: `smtp://opm:s3cret-mail@${smtp.host}:${smtp.port}`, ISSUE_ACK_DUE_SECONDS: '3', ISSUE_ACK_SCAN_MS: '250' },
    });
    gateway = request(stack.member('gateway').baseUrl);
    await stack.waitForDemoData();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
  });

  /** An order that passed review, waiting for its approvals. */
  const approvable = async (recordedBy = 'sales.staff') => {
    const created = await gateway.post('/api/v1/orders').set('authorization', await as(recordedBy)).send(clearOrder()).expect(201);
    await eventually(async () => {
      const res = await gateway.get(`/api/v1/orders/${created.body.id}`).set('authorization', await as('sales.staff')).expect(200);
      expect(res.body.status).toBe('AWAITING_APPROVAL');
    }, { timeoutMs: 30_000 });
    return created.body as { id: string; number: string; totalAmount: string };
  };
  const decide = async (id: string, step: string, user: string, decision = 'APPROVE') =>
    gateway.post(`/api/v1/orders/${id}/approvals/${step}/decision`).set('authorization', await as(user)).send({ decision, comment: `${decision.toLowerCase()} by ${user}` });
  const steps = async (id: string) =>
    (await gateway.get(`/api/v1/orders/${id}/approvals`).set('authorization', await as('sales.staff')).expect(200)).body.steps as {
      step: string;
      status: string;
      decidedBy: string | null;
      onBehalfOf: string | null;
    }[];
  const download = async (id: string, user: string) => {
    const res = await fetch(`${stack.api}/orders/${id}/document.pdf`, { headers: { authorization: await as(user) } });
    expect(res.status).toBe(200);
    return { contentType: res.headers.get('content-type'), pdf: Buffer.from(await res.arrayBuffer()) };
  };
  const status = async (id: string) => (await gateway.get(`/api/v1/orders/${id}`).set('authorization', await as('sales.staff')).expect(200)).body.status;

  it('R4.1 R4.2 the default chain runs in order by each role; nothing can be issued before it completes', async () => {
    const order = await approvable();
    expect((await steps(order.id)).map((s) => `${s.step}:${s.status}`)).toEqual(['SALES_HEAD:PENDING', 'DIVISION_LEADER:PENDING', 'FINANCE:PENDING']);

    // Issuing early is refused at the gateway and at the sales service reached directly.
    const early = await gateway.post(`/api/v1/orders/${order.id}/issue`).set('authorization', await as('sales.head')).expect(409);
    expect(early.body.detail).toContain('cannot issue an order in status AWAITING_APPROVAL');
    const head = await mintToken({ username: 'sales.head', department: 'SALES', role: 'HEAD' });
    await request(stack.member('sales').baseUrl).post(`/orders/${order.id}/issue`).set('authorization', `Bearer ${head}`).expect(409);

    expect((await decide(order.id, 'FINANCE', 'finance.head')).body.detail).toBe('step SALES_HEAD must be decided before FINANCE');
    const wrongRole = await decide(order.id, 'SALES_HEAD', 'finance.head');
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.detail).toContain('step SALES_HEAD is decided by SALES HEAD');
    expect((await decide(order.id, 'SALES_HEAD', 'sales.head')).status).toBe(200);
    expect((await decide(order.id, 'SALES_HEAD', 'sales.head')).status).toBe(409);
    expect((await decide(order.id, 'DIVISION_LEADER', 'leader')).status).toBe(200);
    await gateway.post(`/api/v1/orders/${order.id}/issue`).set('authorization', await as('sales.head')).expect(409);
    const last = await decide(order.id, 'FINANCE', 'finance.head');
    expect(last.body.status).toBe('APPROVED');
    expect(await status(order.id)).toBe('APPROVED');
    expect((await steps(order.id)).map((s) => `${s.step}:${s.status}:${s.decidedBy}`)).toEqual([
      'SALES_HEAD:APPROVED:sales.head',
      'DIVISION_LEADER:APPROVED:leader',
      'FINANCE:APPROVED:finance.head',
    ]);
  });

  it('R4.1 a rejection sends the order back to REVIEW_FAILED and closes the chain', async () => {
    const order = await approvable();
    await decide(order.id, 'SALES_HEAD', 'sales.head');
    const rejected = await decide(order.id, 'DIVISION_LEADER', 'leader', 'REJECT');
    expect(rejected.body.status).toBe('REVIEW_FAILED');
    expect((await steps(order.id)).map((s) => s.status)).toEqual(['APPROVED', 'REJECTED', 'CANCELLED']);
    expect((await decide(order.id, 'FINANCE', 'finance.head')).status).toBe(409);
  });

  it('R4.1 segregation of duties: the person who recorded the order cannot approve it', async () => {
    const order = await approvable('sales.head');
    const self = await decide(order.id, 'SALES_HEAD', 'sales.head');
    expect(self.status).toBe(403);
    expect(self.body.detail).toContain('segregation of duties');
  });

  it("R4.1 I11.7 a step delegated to a colleague of the approver's department for a period is decided by them, on behalf of the approver", async () => {
    const order = await approvable();
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const delegate = async (user: string, step: string, to_: string) =>
      gateway
        .post('/api/v1/approvals/delegations')
        .set('authorization', await as(user))
        .send({ step, delegate: to_, validFrom: from, validTo: to, reason: 'annual leave' });
    expect((await delegate('sales.head', 'FINANCE', 'finance.staff')).status).toBe(403);
    // Another department, or a name that is no user: refused, naming the field; nothing recorded.
    const outsider = await delegate('finance.head', 'FINANCE', 'sales.head');
    expect(outsider.status).toBe(422);
    expect(outsider.body.errors).toEqual([{ field: 'delegate', message: 'must be a user of FINANCE; sales.head is in SALES' }]);
    const nobody = await delegate('finance.head', 'FINANCE', 'no.such.user');
    expect(nobody.status).toBe(422);
    expect(nobody.body.errors[0]).toMatchObject({ field: 'delegate', message: 'no.such.user is not a user' });
    expect((await delegate('finance.head', 'FINANCE', 'finance.staff')).status).toBe(201);
    for (const [step, user] of [['SALES_HEAD', 'sales.head'], ['DIVISION_LEADER', 'leader']]) {
      if ((await steps(order.id)).find((s) => s.step === step)?.status === 'PENDING') expect((await decide(order.id, step, user)).status).toBe(200);
    }
    expect((await decide(order.id, 'FINANCE', 'production.staff')).status).toBe(403);
    const delegated = await decide(order.id, 'FINANCE', 'finance.staff');
    expect(delegated.status).toBe(200);
    expect((await steps(order.id)).find((s) => s.step === 'FINANCE')).toMatchObject({ status: 'APPROVED', decidedBy: 'finance.staff', onBehalfOf: 'finance.head' });
  });

  it('R4.1 two concurrent decisions on one step: one wins, the other gets 409', async () => {
    const order = await approvable();
    const [a, b] = await Promise.all([decide(order.id, 'SALES_HEAD', 'sales.head'), decide(order.id, 'SALES_HEAD', 'sales.head', 'REJECT')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'APPROVED' : 'REJECTED';
    expect((await steps(order.id))[0].status).toBe(winner);
  });

  it('R4.2 R4.3 R4.4 the sales head signs and issues; every department acknowledges through Kafka; the sealed PDF and the e-mail', async () => {
    const order = await approvable();
    for (const [step, user] of [['SALES_HEAD', 'sales.head'], ['DIVISION_LEADER', 'leader'], ['FINANCE', 'finance.head']]) {
      expect((await decide(order.id, step, user)).status).toBe(200);
    }
    // A PDF before issuing is a draft: no signer, no seal.
    const draft = await extractPdf((await download(order.id, 'sales.staff')).pdf);
    expect(draft.pages.join('\n')).toMatch(/DRAFT/);

    await gateway.post(`/api/v1/orders/${order.id}/issue`).set('authorization', await as('sales.staff')).expect(403);
    // Logistics is down: its acknowledgement will be missing past its due time.
    await stack.member('logistics').stop();
    const issued = await gateway.post(`/api/v1/orders/${order.id}/issue`).set('authorization', await as('sales.head')).expect(200);
    expect(issued.body).toMatchObject({ status: 'ISSUED', signedBy: 'sales.head' });
    expect(issued.body.documentHash).toMatch(/^[0-9a-f]{64}$/);
    const escalated = await eventually(async () => {
      const res = await gateway.get(`/api/v1/orders/${order.id}/issuance`).set('authorization', await as('sales.head')).expect(200);
      expect(res.body.acknowledgements.map((a: { department: string }) => a.department).sort()).toEqual(DEPARTMENT_SERVICES.filter((d) => d !== 'logistics').sort());
      expect(res.body.escalatedAt).not.toBeNull();
      return res.body;
    }, { timeoutMs: 30_000 });
    expect(escalated).toMatchObject({ missingAcknowledgements: ['logistics'], acknowledgementsOverdue: true });
    await stack.member('logistics').start();
    await eventually(async () => {
      const res = await gateway.get(`/api/v1/orders/${order.id}/issuance`).set('authorization', await as('sales.head')).expect(200);
      expect(res.body.missingAcknowledgements).toEqual([]);
      for (const a of res.body.acknowledgements) expect(a.documentHash).toBe(issued.body.documentHash);
    }, { timeoutMs: 30_000 });

    const issuedPdf = await download(order.id, 'logistics.staff');
    expect(issuedPdf.contentType).toBe('application/pdf');
    const text = (await extractPdf(issuedPdf.pdf)).pages.join('\n');
    for (const expected of [order.number, '1,250.00', 'sales.head', '出口木箱包装', '精密制造有限公司', issued.body.documentHash]) expect(text).toContain(expected);
    expect(text).not.toMatch(/DRAFT/);

    const byCode = await gateway.post(`/api/v1/orders/${order.id}/document/verify`).set('authorization', await as('sales.staff')).send({ verificationCode: issued.body.documentHash }).expect(200);
    expect(byCode.body).toMatchObject({ matches: true, signedBy: 'sales.head', orderNumber: order.number });
    const forged = await gateway.post(`/api/v1/orders/${order.id}/document/verify`).set('authorization', await as('sales.staff')).send({ verificationCode: 'a'.repeat(64) }).expect(200);
    expect(forged.body.matches).toBe(false);
    const byPdf = await gateway
      .post(`/api/v1/orders/${order.id}/document/verify-pdf`)
      .set('authorization', await as('sales.staff'))
      .set('content-type', 'application/pdf')
      .send(issuedPdf.pdf)
      .expect(200);
    expect(byPdf.body.matches).toBe(true);

    // R4.4: the customer's confirmation, with the order e-mailed through the real SMTP server.
    const confirmed = await gateway
      .post(`/api/v1/orders/${order.id}/customer-confirmation`)
      .set('authorization', await as('sales.staff'))
      .send({ confirmedBy: 'Li Wei', channel: 'PHONE', confirmedAt: new Date().toISOString(), expectedDeliveryDate: daysFromToday(150), sendEmail: true })
      .expect(201);
    expect(confirmed.body).toMatchObject({ confirmedBy: 'Li Wei', emailedTo: 'li.wei@spm.example', recordedBy: 'sales.staff' });
    const mail = await eventually(async () => {
      const found = smtp.messages.find((m) => m.rcptTo.includes('li.wei@spm.example'));
      if (!found) throw new Error('no mail yet');
      return simpleParser(found.raw);
    });
    expect(mail.subject).toContain(order.number);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: `${order.number}.pdf`, contentType: 'application/pdf' });
    const attached = (await extractPdf(mail.attachments[0].content)).pages.join('\n');
    expect(attached).toContain(issued.body.documentHash);
    const list = await gateway.get(`/api/v1/orders/${order.id}/customer-confirmations`).set('authorization', await as('sales.head')).expect(200);
    expect(list.body.items).toHaveLength(1);
  }, 120_000);

  it('R4.4 a confirmation before issuing is refused, and bad input names the fields', async () => {
    const order = await approvable();
    const early = await gateway
      .post(`/api/v1/orders/${order.id}/customer-confirmation`)
      .set('authorization', await as('sales.staff'))
      .send({ confirmedBy: 'Li Wei', channel: 'PHONE', confirmedAt: new Date().toISOString(), expectedDeliveryDate: daysFromToday(150) })
      .expect(409);
    expect(early.body.detail).toContain('issue it first');
    const bad = await gateway.post(`/api/v1/orders/${order.id}/customer-confirmation`).set('authorization', await as('sales.staff')).send({ channel: 'PIGEON', expectedDeliveryDate: 'soon' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['confirmedBy', 'channel', 'confirmedAt', 'expectedDeliveryDate']));
  });
});

