import request from 'supertest';
import { daysFromToday, REVIEW_DEPARTMENTS, ReviewTaskOverdueV1 } from '@opm/contracts';
import { eventually, KafkaTestClient, orderBody, ReceivedMessage, testGroupId, TestStack } from '@opm/testing';

interface Task {
  department: string;
  status: 'OPEN' | 'DONE';
  dueAt: string | null;
  overdue: boolean;
  escalatedAt: string | null;
  escalatedTo: string | null;
  assessment: { clear: boolean; summary: string } | null;
  conclusion: string | null;
  reviewer: string | null;
  autoConfirmed: boolean;
}
interface Round {
  round: number;
  status: string;
  major: boolean;
  tasks: Task[];
  report: { conclusion: string; reasons: string[]; departments: Record<string, unknown>[] } | null;
  chair: { chair: string; conclusion: string } | null;
}

/** A catalog-only order every department can assess as clear from its own data. */
const clearOrder = (over: Record<string, unknown> = {}) =>
  orderBody({
    deliveryDate: daysFromToday(150),
    lines: [{ productCode: 'P-100', quantity: 100, unitPrice: '12.50' }],
    specialRequirements: { customization: null, packaging: 'standard carton', transportMode: 'road', other: null },
    ...over,
  });

/** Multi-department review with deadlines, escalation, a panel and a report (policy section 三). */
describe('multi-department order review (e2e)', () => {
  let stack: TestStack;
  let gateway: ReturnType<typeof request>;
  const kafka = new KafkaTestClient();
  let overdueEvents: ReceivedMessage[];
  const as = (user: string) => stack.bearer(user);

  beforeAll(async () => {
    // Short due times, so a deadline passes within the test; auto-confirm follows DEMO_DATA (on).
    stack = await TestStack.start({ env: { REVIEW_DUE_SECONDS: '4', REVIEW_SCAN_MS: '250' } });
    gateway = request(stack.member('gateway').baseUrl);
    overdueEvents = await kafka.listen(ReviewTaskOverdueV1.topic);
    await stack.waitForDemoData();
  }, 180_000);

  afterAll(async () => {
    await kafka.close();
    await stack?.stop();
  });

  const place = async (body: Record<string, unknown>) => {
    const res = await gateway.post('/api/v1/orders').set('authorization', await as('sales.staff')).send(body).expect(201);
    expect(res.body.status).toBe('UNDER_REVIEW');
    return res.body as { id: string; number: string; version: number };
  };
  const review = async (id: string): Promise<Round[]> =>
    (await gateway.get(`/api/v1/orders/${id}/review`).set('authorization', await as('sales.staff')).expect(200)).body.rounds;
  const status = async (id: string): Promise<string> =>
    (await gateway.get(`/api/v1/orders/${id}`).set('authorization', await as('sales.staff')).expect(200)).body.status;
  const opinion = async (id: string, department: string, user: string, body: Record<string, unknown>) =>
    gateway.post(`/api/v1/orders/${id}/review/${department}/opinion`).set('authorization', await as(user)).send(body);
  /** Every department has opened its task (with its assessment) in the latest round. */
  const opened = (id: string) =>
    eventually(async () => {
      const rounds = await review(id);
      const last = rounds[rounds.length - 1];
      expect(last.tasks.every((t) => t.assessment !== null)).toBe(true);
      return last;
    });
  /** Heads answer whatever is still open (a person must decide what is not clear). */
  const answerOpen = async (id: string, conclusions: Record<string, 'PASS' | 'FAIL'> = {}) => {
    const round = await opened(id);
    for (const t of round.tasks.filter((x) => x.status === 'OPEN')) {
      const conclusion = conclusions[t.department] ?? 'PASS';
      const res = await opinion(id, t.department, `${t.department.toLowerCase()}.head`, {
        conclusion,
        opinion: `${t.department} ${conclusion === 'PASS' ? 'agrees' : 'cannot accept'}: ${t.assessment?.summary}`,
        proposals: conclusion === 'FAIL' ? ['use a catalog bracket instead'] : [],
      });
      expect({ department: t.department, status: res.status }).toEqual({ department: t.department, status: 200 });
    }
  };

  it('R3.7 a clear order is reviewed by all five departments through Kafka, auto-confirmed, and goes to approval', async () => {
    const order = await place(clearOrder());
    await eventually(async () => expect(await status(order.id)).toBe('AWAITING_APPROVAL'), { timeoutMs: 30_000 });
    const [round] = await review(order.id);
    expect(round).toMatchObject({ round: 1, status: 'PASSED', major: false });
    expect(round.tasks.map((t) => t.department)).toEqual([...REVIEW_DEPARTMENTS]);
    for (const t of round.tasks) {
      expect(t).toMatchObject({ status: 'DONE', conclusion: 'PASS', autoConfirmed: true, assessment: { clear: true } });
      expect(t.reviewer).toMatch(/^system:/);
    }
    expect(round.report?.conclusion).toBe('PASS');
  });

  it('R3.2 R3.7 R3.8 a FAIL ends in REVIEW_FAILED with the reasons; a revision opens a second round that passes', async () => {
    const order = await place(orderBody({ deliveryDate: daysFromToday(150), specialRequirements: { customization: 'logo engraving', packaging: null, transportMode: null, other: null } }));
    const first = await opened(order.id);
    const technical = first.tasks.find((t) => t.department === 'TECHNICAL');
    // A free-text line and a customisation need an engineer: never auto-cleared.
    expect(technical).toMatchObject({ status: 'OPEN', assessment: { clear: false } });
    await answerOpen(order.id, { TECHNICAL: 'FAIL' });
    await eventually(async () => expect(await status(order.id)).toBe('REVIEW_FAILED'));
    const [failed] = await review(order.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.report?.conclusion).toBe('FAIL');
    expect(failed.report?.reasons[0]).toMatch(/^TECHNICAL: TECHNICAL cannot accept: .+ \(proposals: use a catalog bracket instead\)$/);
    // R3.8: each department's reviewer, time, assessment, opinion and conclusion are in the report.
    expect(failed.report?.departments).toHaveLength(5);
    for (const entry of failed.report?.departments ?? []) {
      expect(entry).toEqual(
        expect.objectContaining({ reviewer: expect.any(String), decidedAt: expect.any(String), conclusion: expect.stringMatching(/^(PASS|FAIL)$/), opinion: expect.any(String), assessment: expect.objectContaining({ summary: expect.any(String) }) }),
      );
    }

    await gateway.post(`/api/v1/orders/${order.id}/revise`).set('authorization', await as('production.head')).send({ reason: 'x', deliveryDate: daysFromToday(160) }).expect(403);
    const revised = await gateway
      .post(`/api/v1/orders/${order.id}/revise`)
      .set('authorization', await as('sales.staff'))
      .send({ reason: 'customer takes the catalog flange, no engraving', lines: [{ productCode: 'P-100', quantity: 100, unitPrice: '12.50' }], specialRequirements: { customization: null, packaging: null, transportMode: null, other: null } })
      .expect(200);
    expect(revised.body).toMatchObject({ status: 'UNDER_REVIEW', totalAmount: '1250.00' });
    await eventually(async () => expect(await status(order.id)).toBe('AWAITING_APPROVAL'), { timeoutMs: 30_000 });
    const rounds = await review(order.id);
    expect(rounds.map((r) => [r.round, r.status])).toEqual([
      [1, 'FAILED'],
      [2, 'PASSED'],
    ]);
    // Revising is only for a failed review.
    const again = await gateway.post(`/api/v1/orders/${order.id}/revise`).set('authorization', await as('sales.staff')).send({ reason: 'x', deliveryDate: daysFromToday(170) }).expect(409);
    expect(again.body.detail).toContain('cannot revise an order in status AWAITING_APPROVAL');
  }, 90_000);

  it('R3.7 only the department may answer its task, and only once', async () => {
    const order = await place(orderBody({ deliveryDate: daysFromToday(150) }));
    await opened(order.id);
    const other = await opinion(order.id, 'TECHNICAL', 'quality.head', { conclusion: 'PASS', opinion: 'looks fine to quality' });
    expect(other.status).toBe(403);
    expect(other.body.detail).toContain('only TECHNICAL may answer');
    const bad = await opinion(order.id, 'TECHNICAL', 'technical.head', { conclusion: 'MAYBE' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['conclusion', 'opinion']));
    await opinion(order.id, 'TECHNICAL', 'technical.head', { conclusion: 'PASS', opinion: 'standard bracket design B-7 fits' }).then((r) => expect(r.status).toBe(200));
    const twice = await opinion(order.id, 'TECHNICAL', 'technical.head', { conclusion: 'FAIL', opinion: 'changed my mind' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('already answered by technical.head');
  });

  it('R3.7 a task not answered in time is escalated, visibly, even across a restart of its service', async () => {
    const order = await place(orderBody({ deliveryDate: daysFromToday(150) }));
    await opened(order.id);
    // The technical task waits for a person; its service is down when the deadline passes.
    await stack.member('production').stop();
    await new Promise((r) => setTimeout(r, 4500));
    await stack.member('production').start();
    const technical = await eventually(async () => {
      const [round] = await review(order.id);
      const t = round.tasks.find((x) => x.department === 'TECHNICAL');
      expect(t?.escalatedAt).not.toBeNull();
      return t;
    }, { timeoutMs: 30_000 });
    expect(technical).toMatchObject({ status: 'OPEN', overdue: true, escalatedTo: 'TECHNICAL HEAD' });
    const audit = await gateway.get(`/api/v1/orders/${order.id}/audit`).set('authorization', await as('sales.head')).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['review-task.escalated', 'review.task-overdue']));
  }, 90_000);

  it('R3.1 a major order is reviewed by department heads and signed off by the panel chair', async () => {
    const order = await place(clearOrder({ complex: true }));
    const round = await opened(order.id);
    expect(round.major).toBe(true);
    // Even a clear assessment waits for the head of each department on a panel review.
    expect(round.tasks.every((t) => t.status === 'OPEN')).toBe(true);
    const early = await gateway.post(`/api/v1/orders/${order.id}/review/panel/conclusion`).set('authorization', await as('leader')).send({ conclusion: 'PASS', comment: 'go' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('before every department has answered');
    const staff = await opinion(order.id, 'PRODUCTION', 'production.staff', { conclusion: 'PASS', opinion: 'ok' });
    expect(staff.status).toBe(403);
    await answerOpen(order.id);
    await eventually(async () => expect((await review(order.id))[0].status).toBe('AWAITING_CHAIR'));
    expect(await status(order.id)).toBe('UNDER_REVIEW');
    await gateway.post(`/api/v1/orders/${order.id}/review/panel/conclusion`).set('authorization', await as('sales.head')).send({ conclusion: 'PASS', comment: 'go' }).expect(403);
    const signed = await gateway
      .post(`/api/v1/orders/${order.id}/review/panel/conclusion`)
      .set('authorization', await as('leader'))
      .send({ conclusion: 'PASS', comment: 'panel agrees; machining starts in week 2' })
      .expect(200);
    expect(signed.body.rounds[0]).toMatchObject({ status: 'PASSED', chair: { chair: 'leader', conclusion: 'PASS' } });
    expect(await status(order.id)).toBe('AWAITING_APPROVAL');
  }, 90_000);

  it('N2 a redelivered event is applied once: the same overdue envelope, delivered three times, adds one audit entry', async () => {
    // Applying an overdue event appends an audit entry each time (ReviewService.applyOverdue), so only the inbox
    // keeps a redelivery from showing; a naturally idempotent event could not tell.
    const order = await place(orderBody({ deliveryDate: daysFromToday(150) }));
    const technicalOverdue = (m: ReceivedMessage) => m.key === order.id && m.value !== null && JSON.parse(m.value).payload.department === 'TECHNICAL';
    // The technical task waits for a person (a free-text line), so production escalates it once it is due.
    const sent = await eventually(
      async () => {
        const found = overdueEvents.find(technicalOverdue);
        if (!found?.value) throw new Error(`no ${ReviewTaskOverdueV1.topic} for the technical task of ${order.id} yet`);
        return { key: order.id, value: found.value };
      },
      { timeoutMs: 30_000 },
    );
    const overdueEntries = async () => {
      const audit = await gateway.get(`/api/v1/orders/${order.id}/audit`).set('authorization', await as('sales.head')).expect(200);
      return audit.body.items.filter((e: { action: string; reason: string | null }) => e.action === 'review.task-overdue' && e.reason?.startsWith('TECHNICAL '));
    };
    await eventually(async () => expect(await overdueEntries()).toHaveLength(1), { timeoutMs: 30_000 });
    const { eventId } = JSON.parse(sent.value);

    // The same envelope (same eventId) twice more, as Kafka redelivers what was handled but not yet committed.
    await kafka.produce(ReviewTaskOverdueV1.topic, [sent, sent]);
    await kafka.waitUntilConsumed(testGroupId('sales'), ReviewTaskOverdueV1.topic);
    await eventually(async () => expect(overdueEvents.filter((m) => m.value !== null && JSON.parse(m.value).eventId === eventId)).toHaveLength(3));
    expect(await overdueEntries()).toHaveLength(1);
  }, 60_000);
});
