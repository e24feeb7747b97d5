import request from 'supertest';
import { daysFromToday, DEMO_CUSTOMERS, DEPARTMENT_SERVICES, SalesOrderReviewRequestedV1 } from '@opm/contracts';
import { eventually, KafkaTestClient, orderBody, ReceivedMessage, TestStack } from '@opm/testing';

const [, SECOND, POOR] = DEMO_CUSTOMERS;

/** Order intake and the preliminary review (policy section 二) across the real services. */
describe('order intake and preliminary review (e2e)', () => {
  let stack: TestStack;
  let gateway: ReturnType<typeof request>;
  const kafka = new KafkaTestClient();
  let reviewRequests: ReceivedMessage[];
  const as = (user: string) => stack.bearer(user);
  const post = async (body: Record<string, unknown>, user = 'sales.staff') =>
    gateway.post('/api/v1/orders').set('authorization', await as(user)).send(body);

  beforeAll(async () => {
    stack = await TestStack.start();
    gateway = request(stack.member('gateway').baseUrl);
    reviewRequests = await kafka.listen(SalesOrderReviewRequestedV1.topic);
    await stack.waitForDemoData();
  }, 180_000);

  afterAll(async () => {
    await kafka.close();
    await stack?.stop();
  });

  const check = (order: { preliminaryReview: { checks: { check: string; result: string; reasons: string[] }[] } }, name: string) => {
    const found = order.preliminaryReview.checks.find((c) => c.check === name);
    if (!found) throw new Error(`no ${name} check in ${JSON.stringify(order.preliminaryReview)}`);
    return found;
  };

  it('R2.4 all clear: every check passes, the order is UNDER_REVIEW and sales asks the departments to review', async () => {
    const res = await post(orderBody());
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('UNDER_REVIEW');
    expect(res.body.preliminaryReview.checks.map((c: { check: string; result: string }) => `${c.check}:${c.result}`)).toEqual([
      'COMPLETENESS:PASS',
      'CREDIT:PASS',
      'DELIVERY_DATE:PASS',
    ]);
    expect(res.body.preliminaryReview.needsTechnicalReview).toEqual([2]);
    const requested = await eventually(async () => {
      const found = reviewRequests.find((m) => m.key === res.body.id);
      if (!found?.value) throw new Error('no review request yet');
      return JSON.parse(found.value);
    });
    expect(requested.payload).toMatchObject({ orderId: res.body.id, number: res.body.number, round: 1, major: false });
    // Sales sends the full order to the reviewers (R3.7).
    expect(requested.payload.order).toMatchObject({ orderId: res.body.id, totalAmount: res.body.totalAmount, lines: res.body.lines });
  });

  it('R2.4 R2.5 completeness fails naming each missing item; the order waits for the customer', async () => {
    const res = await post(orderBody({ contactPhone: null, deliveryPlace: '' }));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('AWAITING_INFO');
    expect(res.body.preliminaryReview.missing).toEqual(['contactPhone', 'deliveryPlace']);
    expect(check(res.body, 'COMPLETENESS')).toEqual({ check: 'COMPLETENESS', result: 'FAIL', reasons: ['contactPhone is missing', 'deliveryPlace is missing'] });
  });

  it('R2.4 R2.6 poor credit (overdue debt) escalates to management with the reason', async () => {
    const res = await post(orderBody({ customerId: POOR.id }));
    expect(res.body.status).toBe('ESCALATED');
    expect(check(res.body, 'CREDIT')).toMatchObject({ result: 'FAIL', reasons: [`overdue debt of ${POOR.overdueAmount} CNY`] });
    expect(res.body.escalation).toMatchObject({ decision: null, reasons: [`CREDIT: overdue debt of ${POOR.overdueAmount} CNY`] });
  });

  it('R2.4 R2.6 an over-tight delivery date escalates, naming the earliest feasible date', async () => {
    const res = await post(orderBody({ deliveryDate: daysFromToday(20), lines: [{ productCode: 'P-300', quantity: 2, unitPrice: '480.00' }] }));
    expect(res.body.status).toBe('ESCALATED');
    const date = check(res.body, 'DELIVERY_DATE');
    expect(date.result).toBe('FAIL');
    expect(date.reasons[0]).toMatch(new RegExp(`^line 1: P-300 needs \\d+ days; earliest delivery \\d{4}-\\d{2}-\\d{2}, requested ${daysFromToday(20)}$`));
    expect(check(res.body, 'CREDIT').result).toBe('PASS');
  });

  it('R2.5 missing information supplied by PATCH re-runs the review, which then passes; a stale If-Match is 409', async () => {
    const created = await post(orderBody({ paymentTerms: null }));
    expect(created.body.status).toBe('AWAITING_INFO');
    const auth = await as('sales.staff');
    const stale = await gateway
      .patch(`/api/v1/orders/${created.body.id}`)
      .set('authorization', auth)
      .set('if-match', String(created.body.version - 1))
      .send({ paymentTerms: '30 days net' })
      .expect(409);
    expect(stale.body.detail).toContain(`at version ${created.body.version}`);
    const patched = await gateway
      .patch(`/api/v1/orders/${created.body.id}`)
      .set('authorization', auth)
      .set('if-match', String(created.body.version))
      .send({ paymentTerms: '30 days net', deliveryDate: daysFromToday(120) })
      .expect(200);
    expect(patched.body).toMatchObject({ status: 'UNDER_REVIEW', paymentTerms: '30 days net', deliveryDate: daysFromToday(120) });
    expect(check(patched.body, 'COMPLETENESS').result).toBe('PASS');
    const again = await gateway.patch(`/api/v1/orders/${created.body.id}`).set('authorization', auth).send({ paymentTerms: 'cash' }).expect(409);
    expect(again.body).toMatchObject({ currentStatus: 'UNDER_REVIEW', action: 'supplyInfo' });
    expect(again.body.detail).toContain('cannot supplyInfo an order in status UNDER_REVIEW');
    // The departments' copies follow the change (R1.3).
    await eventually(async () => {
      const view = await gateway.get(`/api/v1/orders/${created.body.id}`).set('authorization', auth).expect(200);
      for (const d of DEPARTMENT_SERVICES) expect(view.body.departments[d].deliveryDate).toBe(daysFromToday(120));
    });
  });

  it('R2.6 a leader accepts or rejects an escalation with a reason; anyone else is refused', async () => {
    const first = await post(orderBody({ customerId: POOR.id }));
    const second = await post(orderBody({ customerId: POOR.id }));
    const decide = async (id: string, user: string, body: Record<string, unknown>) =>
      gateway.post(`/api/v1/orders/${id}/escalation/decision`).set('authorization', await as(user)).send(body);

    for (const user of ['sales.head', 'finance.head', 'sales.staff']) {
      expect((await decide(first.body.id, user, { decision: 'ACCEPT', reason: 'ok' })).status).toBe(403);
    }
    expect((await decide(first.body.id, 'leader', { decision: 'MAYBE' })).body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['decision', 'reason']),
    );
    const accepted = await decide(first.body.id, 'leader', { decision: 'ACCEPT', reason: 'debt settled by agreement' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'UNDER_REVIEW', escalation: { decision: 'ACCEPT', reason: 'debt settled by agreement', decidedBy: 'leader' } });
    const rejected = await decide(second.body.id, 'leader', { decision: 'REJECT', reason: 'overdue for too long' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', escalation: { decision: 'REJECT', decidedBy: 'leader' } });
    const twice = await decide(second.body.id, 'leader', { decision: 'ACCEPT', reason: 'changed my mind' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('in status REJECTED');
  });

  it('R2.1 a marketing lead converted by sales keeps its channel and lead; it converts only once', async () => {
    const lead = await gateway
      .post('/api/v1/leads')
      .set('authorization', await as('marketing.staff'))
      .send({ source: 'TRADE_SHOW', campaign: 'Hannover Messe 2026', companyName: 'Wuxi Pump Works', contactPerson: 'Sun Min', interest: 'flanges' })
      .expect(201);
    expect(lead.body.status).toBe('NEW');
    await gateway.post('/api/v1/leads').set('authorization', await as('sales.staff')).send({}).expect(403);
    const listed = await gateway.get('/api/v1/leads?status=NEW').set('authorization', await as('sales.staff')).expect(200);
    expect(listed.body.items.map((l: { id: string }) => l.id)).toContain(lead.body.id);

    const { channel: _c, leadId: _l, ...body } = orderBody();
    await gateway.post(`/api/v1/leads/${lead.body.id}/convert`).set('authorization', await as('marketing.staff')).send(body).expect(403);
    const order = await gateway.post(`/api/v1/leads/${lead.body.id}/convert`).set('authorization', await as('sales.staff')).send(body).expect(201);
    expect(order.body).toMatchObject({ channel: 'TRADE_SHOW', leadId: lead.body.id, status: 'UNDER_REVIEW' });
    const again = await gateway.post(`/api/v1/leads/${lead.body.id}/convert`).set('authorization', await as('sales.staff')).send(body).expect(409);
    expect(again.body.convertedOrderId).toBe(order.body.id);
    const converted = await gateway.get('/api/v1/leads?status=CONVERTED').set('authorization', await as('marketing.staff')).expect(200);
    expect(converted.body.items.find((l: { id: string }) => l.id === lead.body.id)).toMatchObject({ convertedOrderId: order.body.id });
  });

  it('R2.2 totals are exact for awkward prices and large quantities', async () => {
    const customer = await gateway
      .post('/api/v1/customers')
      .set('authorization', await as('sales.head'))
      .send({ name: 'Big Buyer Ltd.', contactPerson: 'Qian Hao', phone: '+86 10 5555 0505' })
      .expect(201);
    const res = await post(
      orderBody({
        customerId: customer.body.id,
        lines: [
          { productCode: 'P-100', quantity: 3, unitPrice: '0.10' },
          { productName: 'Bulk washer', specification: 'M16', quantity: 1_000_000, unitPrice: '99999.99' },
          { productCode: 'P-400', quantity: 7, unitPrice: '0.07' },
        ],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.lines.map((l: { amount: string }) => l.amount)).toEqual(['0.30', '99999990000.00', '0.49']);
    expect(res.body.totalAmount).toBe('99999990000.79');
    // A customer finance has not given a limit yet: the check waits for finance instead of failing (R2.4).
    expect(res.body.status).toBe('RECEIVED');
    expect(check(res.body, 'CREDIT')).toMatchObject({ result: 'PENDING' });
    expect(res.body.escalation).toBeNull();
  });

  it('R2.3 special requirements are flagged on the order and visible in every department part', async () => {
    const special = { customization: 'laser-etched part numbers', packaging: 'VCI bags in export crate', transportMode: 'air freight', other: 'certificate 3.1' };
    const res = await post(orderBody({ specialRequirements: special }));
    await eventually(async () => {
      const view = await gateway.get(`/api/v1/orders/${res.body.id}`).set('authorization', await as('production.staff')).expect(200);
      expect(view.body.specialRequirements).toEqual(special);
      for (const d of DEPARTMENT_SERVICES) expect(view.body.departments[d].specialRequirements).toEqual(special);
    });
  });

  it('R2.2 concurrent creates for several customers get distinct, gap-free numbers', async () => {
    // Orders of one customer wait for each other on its row lock; only orders of different customers reach the
    // number counter at the same time, so four customers race five orders each.
    const auth = await as('sales.head');
    const customers = await Promise.all(
      [1, 2, 3, 4].map(async (i) => {
        const res = await gateway.post('/api/v1/customers').set('authorization', auth).send({ name: `Racing Buyer ${i}`, contactPerson: `Buyer ${i}`, phone: `+86 10 5555 060${i}` }).expect(201);
        return res.body.id as string;
      }),
    );
    const seq = (res: { body: { number: string } }) => Number(res.body.number.slice(-6));
    const first = seq(await post(orderBody({ customerId: customers[0] })));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => post(orderBody({ customerId: customers[i % 4] }))));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const last = seq(await post(orderBody({ customerId: customers[0] })));
    // Unique and gap-free: exactly the 20 numbers after the one before, and the next order continues after them.
    expect(results.map(seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => first + 1 + i));
    expect(last).toBe(first + 21);
  });

  it('R2.4 a credit limit changed in finance reaches sales through Kafka and decides the next credit check', async () => {
    const before = await post(orderBody({ customerId: SECOND.id }));
    expect(check(before.body, 'CREDIT').result).toBe('PASS');
    await gateway
      .put(`/api/v1/customers/${SECOND.id}/credit`)
      .set('authorization', await as('finance.head'))
      .send({ creditLimit: '777.00', currency: 'CNY' })
      .expect(200);
    await eventually(async () => {
      const customer = await gateway.get(`/api/v1/customers/${SECOND.id}`).set('authorization', await as('sales.staff')).expect(200);
      expect(customer.body.credit.creditLimit).toBe('777.00');
    });
    const after = await post(orderBody({ customerId: SECOND.id }));
    expect(after.body.status).toBe('ESCALATED');
    expect(check(after.body, 'CREDIT').reasons[0]).toMatch(/exceeds the credit limit 777\.00 CNY$/);
  });

  it('R2.4 an order recorded right after finance set the limit waits for the standing and is never escalated for want of it', async () => {
    const customer = await gateway
      .post('/api/v1/customers')
      .set('authorization', await as('sales.head'))
      .send({ name: 'Fresh Account Ltd.', contactPerson: 'Zhou Min', phone: '+86 10 5555 0606' })
      .expect(201);
    // Finance opens the account from sales' event a moment later; set the limit as soon as it exists.
    await eventually(async () => {
      await gateway.put(`/api/v1/customers/${customer.body.id}/credit`).set('authorization', await as('finance.head')).send({ creditLimit: '900000.00', currency: 'CNY' }).expect(200);
    });
    const res = await post(orderBody({ customerId: customer.body.id }));
    expect(res.status).toBe(201);
    expect(['RECEIVED', 'UNDER_REVIEW']).toContain(res.body.status);
    const final = await eventually(async () => {
      const view = await gateway.get(`/api/v1/orders/${res.body.id}`).set('authorization', await as('sales.staff')).expect(200);
      expect(view.body.status).toBe('UNDER_REVIEW');
      return view.body;
    });
    expect(check(final, 'CREDIT').result).toBe('PASS');
    expect(final.escalation).toBeNull();
  });

  it('R2.2 an order for a customer sales does not know is refused naming the field, and nothing is stored', async () => {
    const before = await gateway.get('/api/v1/orders').set('authorization', await as('sales.staff')).expect(200);
    const res = await post(orderBody({ customerId: '00000000-0000-4000-8000-000000000000' }));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'customerId', message: 'no such customer' }]);
    const after = await gateway.get('/api/v1/orders').set('authorization', await as('sales.staff')).expect(200);
    expect(after.body.total).toBe(before.body.total);
  });
});
