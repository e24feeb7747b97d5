import { simpleParser } from 'mailparser';
import request from 'supertest';
import { daysFromToday } from '@opm/contracts';
import { eventually, orderBody, startSmtpSink, type SmtpSink, TestStack } from '@opm/testing';

const clearOrder = () =>
  orderBody({
    deliveryDate: daysFromToday(150),
    lines: [{ productCode: 'P-100', quantity: 100, unitPrice: '12.50' }],
    specialRequirements: { customization: null, packaging: 'export crate', transportMode: 'sea freight', other: 'ISO 2768-m, EN 10204 3.1 certificate' },
  });

/** Short enough that the first test can outlive it on the stream: the gateway's upstream timeout must not cut a stream. */
const UPSTREAM_TIMEOUT_MS = 10_000;

interface SseEvent {
  event: string | null;
  id: string | null;
  data: string | null;
  comment: string | null;
  at: number;
}

/** An SSE client as EventSource is one (GET, token in the query), keeping every block it reads with its arrival time. */
function openStream(url: string, headers: Record<string, string> = {}) {
  const events: SseEvent[] = [];
  const abort = new AbortController();
  const opened = fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal }).then((res) => {
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const e: SseEvent = { event: null, id: null, data: null, comment: null, at: performance.now() };
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) e.comment = line.slice(1).trim();
              else if (line.startsWith('event:')) e.event = line.slice(6).trim();
              else if (line.startsWith('id:')) e.id = line.slice(3).trim();
              else if (line.startsWith('data:')) e.data = (e.data ? `${e.data}\n` : '') + line.slice(5).trimStart();
            }
            if (block.trim()) events.push(e);
          }
        }
      } catch {
        // aborted
      }
    })();
    return res;
  });
  const orders = (orderId: string) => events.filter((e) => e.event === 'order' && (JSON.parse(e.data ?? '{}') as { orderId: string }).orderId === orderId);
  return { events, opened, orders, close: () => abort.abort() };
}

/**
 * Tracking through the gateway (issue 15 items 2, 3, 4, 6b): the live stream and its resume, overdue items, escalation
 * of a MAJOR problem (listed, 403 for staff, mailed), a meeting's agenda and late action, and the confirmation's progress.
 */
describe('tracking: monitoring, stream, escalation, meetings (e2e)', () => {
  let stack: TestStack;
  let smtp: SmtpSink;
  let gateway: ReturnType<typeof request>;
  let base: string;
  const as = (user: string) => stack.bearer(user);
  const token = async (user: string) => (await as(user)).replace(/^Bearer /, '');
  const post = async (path: string, user: string, body: object = {}) => gateway.post(`/api/v1${path}`).set('authorization', await as(user)).send(body);
  const get = async (path: string, user = 'sales.staff') => gateway.get(`/api/v1${path}`).set('authorization', await as(user));
  const row = async (id: string, asOf?: string) => {
    const res = await get(`/monitoring/orders?pageSize=200${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`);
    expect(res.status).toBe(200);
    const found = (res.body.items as { orderId: string; status: string; overdueItems: { kind: string; dueAt: string }[]; openItems: { kind: string; dueAt: string | null; summary: string }[] }[]).find((r) => r.orderId === id);
    if (!found) throw new Error(`order ${id} is not on the monitoring list`);
    return found;
  };

  const openStreams = async (): Promise<number> => {
    const text = await (await fetch(`${stack.member('sales').baseUrl}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('opm_monitoring_streams'));
    return Number(line?.split(' ').pop());
  };

  beforeAll(async () => {
    smtp = await startSmtpSink({ user: 'opm', pass: 's3cret-mail' });
    // The scan is slow on purpose: an escalation mail must go out at once, on the escalation's NOTIFY, not at a scan.
    stack = await TestStack.start({
      env: { SMTP_URL: `smtp://opm:s3cret-mail@${smtp.host}:${smtp.port}`, MONITORING_SCAN_MS: '120000', MONITORING_HEARTBEAT_MS: '500', UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS), PART_TIMEOUT_MS: '8000' },
    });
    base = stack.member('gateway').baseUrl;
    gateway = request(base);
    await stack.waitForDemoData();
  }, 480_000);
  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
  });

  it('R6.4 the stream at the gateway delivers a change within a second, beats, resumes from Last-Event-ID; ?access_token= works only there', async () => {
    const stream = openStream(`${base}/api/v1/monitoring/stream?access_token=${await token('sales.staff')}`);
    const openedAt = performance.now();
    const res = await stream.opened;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    try {
      await eventually(async () => expect(stream.events.some((e) => e.comment === 'heartbeat')).toBe(true), { timeoutMs: 5000 });
      expect(await openStreams()).toBe(1);
      const t0 = performance.now();
      const created = await post('/orders', 'sales.staff', clearOrder());
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const first = await eventually(async () => {
        expect(stream.orders(id).length).toBeGreaterThan(0);
        return stream.orders(id)[0];
      }, { timeoutMs: 5000 });
      const latency = first.at - t0;
      console.log(`R6.4 POST /orders -> its row on the gateway's stream: ${latency.toFixed(0)} ms`);
      expect(latency).toBeLessThan(1000);
      expect(JSON.parse(first.data ?? 'null')).toMatchObject({ orderId: id, number: created.body.number, status: expect.any(String), overdueItems: expect.any(Array) });

      // Reconnecting with the first event's id gets this order's later changes from the log (its review moved it on).
      await eventually(async () => expect(stream.orders(id).length).toBeGreaterThan(1), { timeoutMs: 30_000 });
      const resumed = openStream(`${base}/api/v1/monitoring/stream?access_token=${await token('sales.staff')}`, { 'last-event-id': String(first.id) });
      expect((await resumed.opened).status).toBe(200);
      try {
        await eventually(async () => expect(resumed.orders(id).length).toBeGreaterThan(0), { timeoutMs: 5000 });
        expect(resumed.events.filter((e) => e.event === 'order').every((e) => BigInt(e.id ?? 0) > BigInt(first.id ?? 0))).toBe(true);
      } finally {
        resumed.close();
      }
      // Still beating after the gateway's upstream timeout: the proxy hands the stream on and never times it out.
      await eventually(async () => expect(stream.events.some((e) => e.comment === 'heartbeat' && e.at - openedAt > UPSTREAM_TIMEOUT_MS + 500)).toBe(true), { timeoutMs: UPSTREAM_TIMEOUT_MS + 5000 });
    } finally {
      stream.close();
    }
    // Clients that left leave sales too: the gateway ended its upstream streams, and sales its subscriptions.
    await eventually(async () => expect(await openStreams()).toBe(0), { timeoutMs: 10_000 });
    expect((await gateway.get(`/api/v1/monitoring/orders?access_token=${await token('sales.staff')}`)).status).toBe(401);
    expect((await gateway.get('/api/v1/monitoring/stream?access_token=not-a-token')).status).toBe(401);
    expect((await gateway.get('/api/v1/monitoring/stream').set('last-event-id', 'x').set('authorization', await as('sales.staff'))).status).toBe(400);
  }, 90_000);

  it('R6.4 R6.5 R6.3 R4.4 overdue plan task, MAJOR problem escalated and mailed, meeting agenda and late action, progress told to the customer', async () => {
    const created = await post('/orders', 'sales.staff', clearOrder());
    const id = created.body.id as string;
    await eventually(async () => expect((await get(`/orders/${id}`)).body.status).toBe('AWAITING_APPROVAL'), { timeoutMs: 60_000 });
    for (const [step, user] of [['SALES_HEAD', 'sales.head'], ['DIVISION_LEADER', 'leader'], ['FINANCE', 'finance.head']]) {
      expect((await post(`/orders/${id}/approvals/${step}/decision`, user, { decision: 'APPROVE', comment: 'ok' })).status).toBe(200);
    }
    expect((await post(`/orders/${id}/issue`, 'sales.head')).status).toBe(200);
    const plan = await eventually(async () => {
      const res = await get(`/production/plans?orderId=${id}`);
      expect(res.body.total).toBe(1);
      return res.body.items[0] as { id: string; tasks: { id: string; plannedEnd: string }[] };
    }, { timeoutMs: 60_000 });

    // R6.4: the plan's tasks are open items due at their planned end; as of a time past the last, each is overdue.
    const tasks = await eventually(async () => {
      const open = (await row(id)).openItems.filter((i) => i.kind === 'PLAN_TASK');
      expect(open).toHaveLength(plan.tasks.length);
      return open;
    }, { timeoutMs: 30_000 });
    expect(tasks.map((t) => t.dueAt).sort()).toEqual(plan.tasks.map((t) => new Date(t.plannedEnd).toISOString()).sort());
    const pastEnd = new Date(Math.max(...plan.tasks.map((t) => Date.parse(t.plannedEnd))) + 1000).toISOString();
    expect((await row(id, pastEnd)).overdueItems.filter((i) => i.kind === 'PLAN_TASK')).toHaveLength(plan.tasks.length);
    expect((await row(id)).overdueItems.filter((i) => i.kind === 'PLAN_TASK')).toHaveLength(0);
    const overdueOnly = await get(`/monitoring/orders?overdue=true&pageSize=200&asOf=${encodeURIComponent(pastEnd)}`);
    expect(overdueOnly.body.items.map((r: { orderId: string }) => r.orderId)).toContain(id);

    // R4.4: the confirmation tells the real progress: issued, the plan's tasks counted.
    const recorded = await post(`/orders/${id}/customer-confirmation`, 'sales.staff', { confirmedBy: 'Li Wei', channel: 'PHONE', confirmedAt: new Date().toISOString(), expectedDeliveryDate: daysFromToday(150), sendEmail: true });
    expect(recorded.status).toBe(201);
    expect(recorded.body.progress).toBe(`Issued to production, plan being prepared; ${plan.tasks.length} production tasks planned / 已下达生产，生产计划编制中；已计划生产任务 ${plan.tasks.length} 项`);
    const confirmation = await eventually(async () => {
      const found = smtp.messages.find((m) => m.rcptTo.includes('li.wei@spm.example'));
      if (!found) throw new Error('no mail yet');
      return simpleParser(found.raw);
    }, { timeoutMs: 20_000 });
    expect(confirmation.text).toContain(`Progress: Issued to production, plan being prepared; ${plan.tasks.length} production tasks planned`);

    // R6.5: a MAJOR problem is escalated at once: listed for a head, 403 for staff, mailed to leadership and production's head.
    expect((await post(`/production/plans/${plan.id}/release`, 'production.head')).status).toBe(200);
    // R6.4 measured across services: production's answer -> its outbox -> Kafka -> sales' projection -> NOTIFY -> the gateway's stream.
    const stream = openStream(`${base}/api/v1/monitoring/stream?access_token=${await token('sales.head')}`);
    expect((await stream.opened).status).toBe(200);
    await eventually(async () => expect(stream.events.some((e) => e.comment === 'connected')).toBe(true), { timeoutMs: 5000 });
    const t0 = performance.now();
    const problem = await post(`/production/plans/${plan.id}/problems`, 'production.staff', { kind: 'EQUIPMENT_FAILURE', severity: 'MAJOR', description: 'spindle of the CNC lathe broken' });
    expect(problem.status).toBe(201);
    try {
      const seen = await eventually(async () => {
        const e = stream.orders(id).find((x) => (JSON.parse(x.data ?? '{}') as { openItems: { kind: string }[] }).openItems.some((i) => i.kind === 'PROBLEM'));
        if (!e) throw new Error('the problem is not on the stream yet');
        return e;
      }, { timeoutMs: 10_000 });
      const latency = seen.at - t0;
      console.log(`R6.4 POST /production/plans/{id}/problems -> the order's row with the problem on the gateway's stream: ${latency.toFixed(0)} ms`);
      expect(latency).toBeLessThan(1000);
    } finally {
      stream.close();
    }
    const escalation = await eventually(async () => {
      const res = await get(`/monitoring/escalations?orderId=${id}`, 'production.head');
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      return res.body.items[0];
    }, { timeoutMs: 30_000 });
    expect(escalation).toMatchObject({ kind: 'MAJOR_PROBLEM', department: 'PRODUCTION', ref: { type: 'problem', id: problem.body.id } });
    expect((await get(`/monitoring/escalations?orderId=${id}`, 'leader')).status).toBe(200);
    expect((await get(`/monitoring/escalations?orderId=${id}`, 'sales.staff')).status).toBe(403);
    const mail = await eventually(async () => {
      const found = smtp.messages.find((m) => m.rcptTo.includes('production.head@acme.example') && m.raw.toString().includes(created.body.number));
      if (!found) throw new Error('no escalation mail yet');
      return found;
    }, { timeoutMs: 20_000 });
    expect(mail.rcptTo).toEqual(expect.arrayContaining(['leader@acme.example', 'production.head@acme.example']));
    expect(mail.rcptTo).not.toContain('production.staff@acme.example');
    expect((await simpleParser(mail.raw)).text).toContain('spindle of the CNC lathe broken');
    expect((await get(`/monitoring/escalations?orderId=${id}`, 'production.head')).body.items[0].mail.status).toBe('MAILED');

    // R6.3: the meeting's agenda lists the open problem; an action past its due time is an overdue item of the order.
    const meeting = await post('/tracking/meetings', 'sales.staff', { title: 'Tracking meeting', orderIds: [id] });
    expect(meeting.status).toBe(201);
    expect(meeting.body.agenda).toEqual([expect.objectContaining({ orderId: id, kind: 'PROBLEM', department: 'PRODUCTION', ref: { type: 'problem', id: problem.body.id } })]);
    expect((await post('/tracking/meetings', 'production.head', { title: 'x' })).status).toBe(403);
    const dueAt = new Date(Date.now() + 1500).toISOString();
    const minutes = await post(`/tracking/meetings/${meeting.body.id}/minutes`, 'sales.staff', { minutes: 'Second shift agreed.', actions: [{ department: 'PRODUCTION', description: 'Borrow a lathe from plant 2', dueAt }] });
    expect(minutes.status).toBe(200);
    expect((await post(`/tracking/meetings/${meeting.body.id}/minutes`, 'sales.staff', { minutes: 'again', actions: [] })).status).toBe(409);
    expect((await post(`/tracking/meetings/${meeting.body.id}/minutes`, 'sales.staff', { minutes: 'x', actions: [{ department: 'NOWHERE', description: 'x', dueAt }] })).body.errors?.[0]?.field ?? '').toContain('department');
    await eventually(async () => expect((await row(id)).overdueItems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'MEETING_ACTION', department: 'PRODUCTION', dueAt })])), { timeoutMs: 10_000 });
    const actionId = minutes.body.actions[0].id as string;
    expect((await get(`/tracking/meetings/${meeting.body.id}`)).body.actions[0]).toMatchObject({ status: 'OPEN', overdue: true });
    expect((await post(`/tracking/meetings/${meeting.body.id}/actions/${actionId}/done`, 'sales.staff')).status).toBe(200);
    expect((await row(id)).overdueItems.filter((i) => i.kind === 'MEETING_ACTION')).toEqual([]);
  }, 240_000);
});
