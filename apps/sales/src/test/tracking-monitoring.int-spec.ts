import { randomUUID } from 'node:crypto';
import type { MessageEvent } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REVIEW_DEPARTMENTS } from '@opm/contracts';
import type { Principal } from '@opm/platform';
import type { AppContext } from '@opm/testing';
import { ApprovalsService } from '../approvals/approvals.service';
import { IssuanceService } from '../issuance/issuance.service';
import { customer, newOrder, recordOrder, reviewEvents, startSales } from './sales-context';
import { EscalationService } from '../tracking/monitoring/escalation.service';
import { MonitoringProjection } from '../tracking/monitoring/monitoring.projection';
import { MonitoringStream } from '../tracking/monitoring/monitoring-stream';
import { MonitoringService } from '../tracking/monitoring/monitoring.service';

const assessment = { clear: true, summary: 'fine', reasons: [], proposals: [], details: {} };
const head = (department: Principal['department'], username: string): Principal => ({ username, department, role: 'HEAD' });

/** The monitoring projection and its change log against the real PostgreSQL (R6.4, R6.5): events applied as the consumer applies them. */
describe('tracking: monitoring projection (PostgreSQL)', () => {
  let ctx: AppContext;
  let projection: MonitoringProjection;
  let monitoring: MonitoringService;

  beforeAll(async () => {
    ctx = await startSales('mon_projection');
    projection = ctx.app.get(MonitoringProjection);
    monitoring = ctx.app.get(MonitoringService);
  });
  afterAll(() => ctx?.close());

  const apply = (fn: (m: EntityManager) => Promise<void>) => ctx.dataSource.transaction(fn);
  const lastSeq = async (): Promise<string> => (await ctx.dataSource.query('SELECT coalesce(max(seq), 0)::text AS seq FROM sales_monitoring_change'))[0].seq;

  const issued = async (): Promise<string> => {
    const order = await recordOrder(ctx, newOrder(await customer(ctx)));
    for (const d of REVIEW_DEPARTMENTS) await reviewEvents(ctx, assessment).answer(order.id, 1, d, 'PASS');
    const approvals = ctx.app.get(ApprovalsService);
    await approvals.decide(order.id, 'sales_head', { decision: 'APPROVE', comment: 'ok' }, head('SALES', 'sales.head'), undefined);
    await approvals.decide(order.id, 'division_leader', { decision: 'APPROVE', comment: 'ok' }, { username: 'leader', department: 'MANAGEMENT', role: 'LEADER' }, undefined);
    await approvals.decide(order.id, 'finance', { decision: 'APPROVE', comment: 'ok' }, head('FINANCE', 'finance.head'), undefined);
    await ctx.app.get(IssuanceService).issue(order.id, head('SALES', 'sales.head'), undefined);
    return order.id;
  };

  it("R6.4 an issued order's acknowledgements are open items due by the issue's deadline; an acknowledgement closes its own", async () => {
    const id = await issued();
    const row = await monitoring.row(null, id);
    expect(row).toMatchObject({ orderId: id, status: 'ISSUED', overdueItems: [] });
    expect(row?.openItems.filter((i) => i.kind === 'ACKNOWLEDGEMENT').map((i) => i.department).sort()).toEqual(['FINANCE', 'LOGISTICS', 'PRODUCTION', 'PURCHASING', 'QUALITY']);
    await apply((m) => projection.acknowledged(m, { orderId: id, department: 'quality', documentHash: 'a'.repeat(64), acknowledgedAt: new Date().toISOString() }));
    const after = await monitoring.row(null, id);
    expect(after?.openItems.filter((i) => i.kind === 'ACKNOWLEDGEMENT').map((i) => i.department).sort()).toEqual(['FINANCE', 'LOGISTICS', 'PRODUCTION', 'PURCHASING']);
    // Overdue is decided when read: the same open items are overdue as of a time past their due.
    const dueAt = new Date(after?.openItems[0].dueAt ?? 0);
    const later = await monitoring.row(null, id, new Date(dueAt.getTime() + 1000));
    expect(later?.overdueItems.map((i) => i.kind)).toEqual(['ACKNOWLEDGEMENT', 'ACKNOWLEDGEMENT', 'ACKNOWLEDGEMENT', 'ACKNOWLEDGEMENT']);
  });

  it('R6.4 a plan task past its end is overdue until reported done; the expected date follows the plan; every change is logged in order', async () => {
    const id = await issued();
    const before = await lastSeq();
    const planId = randomUUID();
    const [late, onTime] = [randomUUID(), randomUUID()];
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    await apply((m) =>
      projection.planDrafted(m, {
        orderId: id,
        planId,
        tasks: [
          { taskId: late, name: 'line 1 cutting', workCentre: 'CUT', plannedStart: new Date(Date.now() - 86_400_000).toISOString(), plannedEnd: hourAgo },
          { taskId: onTime, name: 'line 1 welding', workCentre: 'WELD', plannedStart: hourAgo, plannedEnd: '2099-01-02T00:00:00.000Z' },
        ],
        checkpoints: [],
        unplannedLines: [],
        plannedEnd: '2099-01-02T00:00:00.000Z',
        late: false,
        earliestDeliveryDate: null,
        draftedAt: new Date().toISOString(),
      }),
    );
    let row = await monitoring.row(null, id);
    expect(row?.overdueItems).toEqual([expect.objectContaining({ kind: 'PLAN_TASK', department: 'PRODUCTION', dueAt: hourAgo, ref: { type: 'plan-task', id: late } })]);
    expect(row?.expectedDate).toBe('2099-01-01');
    expect(row?.progress).toEqual({ planStatus: 'DRAFT', tasksDone: 0, tasksTotal: 2 });
    expect((await monitoring.rows(null, { overdue: true, orderIds: [id] })).map((r) => r.orderId)).toEqual([id]);

    await apply((m) => projection.taskProgressed(m, { orderId: id, planId, taskId: late, taskName: 'line 1 cutting', progressPercent: 100, status: 'DONE', planStatus: 'IN_PROGRESS', note: null, reportedBy: 'production.staff', reportedAt: new Date().toISOString() }));
    row = await monitoring.row(null, id);
    expect(row?.overdueItems).toEqual([]);
    expect(row?.progress).toEqual({ planStatus: 'IN_PROGRESS', tasksDone: 1, tasksTotal: 2 });
    expect(await monitoring.rows(null, { overdue: true, orderIds: [id] })).toEqual([]);

    const changes: { seq: string; orderId: string }[] = await ctx.dataSource.query('SELECT seq::text, "orderId" FROM sales_monitoring_change WHERE seq > $1 ORDER BY seq', [before]);
    expect(changes.map((c) => c.orderId)).toEqual([id, id]);
    expect(await monitoring.changesAfter(before)).toEqual([{ seq: changes[1].seq, orderId: id }]);
  });

  it('R6.5 a MAJOR problem is escalated once, however often its event is applied; a MINOR one is only an open item', async () => {
    const id = await issued();
    const problemId = randomUUID();
    const raised = { orderId: id, planId: randomUUID(), problemId, kind: 'EQUIPMENT_FAILURE' as const, severity: 'MAJOR' as const, description: 'spindle broken', raisedBy: 'production.staff', raisedAt: new Date().toISOString() };
    await apply((m) => projection.problemRaised(m, raised));
    await apply((m) => projection.problemRaised(m, raised));
    await apply((m) => projection.problemRaised(m, { ...raised, problemId: randomUUID(), severity: 'MINOR', description: 'gloves short' }));
    const { items } = await ctx.app.get(EscalationService).list({ orderId: id, page: 1, pageSize: 50 });
    expect(items).toEqual([expect.objectContaining({ kind: 'MAJOR_PROBLEM', department: 'PRODUCTION', ref: { type: 'problem', id: problemId }, mail: expect.objectContaining({ status: 'NO_SMTP' }) })]);
    expect((await monitoring.row(null, id))?.openItems.filter((i) => i.kind === 'PROBLEM')).toHaveLength(2);
  });

  it('R6.5 acknowledgements past due are escalated once per department; a supplier delay is escalated only when it pushes the expected date past the promise', async () => {
    const id = await issued();
    const escalations = ctx.app.get(EscalationService);
    await apply((m) => projection.acknowledged(m, { orderId: id, department: 'finance', documentHash: 'a'.repeat(64), acknowledgedAt: new Date().toISOString() }));
    const dueAt = (await monitoring.row(null, id))?.openItems.find((i) => i.kind === 'ACKNOWLEDGEMENT')?.dueAt ?? '';
    const late = new Date(Date.parse(dueAt) + 1000);
    await escalations.escalateLateAcknowledgements(late);
    await escalations.escalateLateAcknowledgements(late);
    const kinds = async (): Promise<string[]> => (await escalations.list({ orderId: id, page: 1, pageSize: 50 })).items.map((e) => `${e.kind} ${e.department}`).sort();
    expect(await kinds()).toEqual(['LATE_ACKNOWLEDGEMENT LOGISTICS', 'LATE_ACKNOWLEDGEMENT PRODUCTION', 'LATE_ACKNOWLEDGEMENT PURCHASING', 'LATE_ACKNOWLEDGEMENT QUALITY']);

    const [{ deliveryDate }] = await ctx.dataSource.query(`SELECT to_char("deliveryDate", 'YYYY-MM-DD') AS "deliveryDate" FROM sales_order WHERE id = $1`, [id]);
    const planStart = new Date(Date.now() + 86_400_000);
    const planEnd = new Date(Date.parse(`${deliveryDate}T00:00:00Z`) - 10 * 86_400_000);
    await apply((m) => projection.planDrafted(m, { orderId: id, planId: randomUUID(), tasks: [{ taskId: randomUUID(), name: 'line 1', workCentre: 'CUT', plannedStart: planStart.toISOString(), plannedEnd: planEnd.toISOString() }], checkpoints: [], unplannedLines: [], plannedEnd: planEnd.toISOString(), late: false, earliestDeliveryDate: null, draftedAt: new Date().toISOString() }));
    const contractId = randomUUID();
    const delay = (newDeliveryDate: string) => apply((m) => projection.contractDelayed(m, { orderId: id, contractId, number: 'PC-2026-000001', supplierId: 'SUP-1', materialCodes: ['M-1'], previousDeliveryDate: planStart.toISOString().slice(0, 10), newDeliveryDate, reason: 'furnace down', reportedBy: 'purchasing.head', reportedAt: new Date().toISOString() }));
    await delay(planStart.toISOString().slice(0, 10)); // one day's slip: still well before the promise
    expect(await kinds()).not.toContain('SUPPLIER_DELAY PURCHASING');
    await delay(new Date(Date.parse(`${deliveryDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    expect(await kinds()).toContain('SUPPLIER_DELAY PURCHASING');
    const row = await monitoring.row(null, id);
    expect(row?.expectedDate && row.promisedDate && row.expectedDate > row.promisedDate).toBe(true);
  });

  it('R6.5 a late review and an overdue supplier delivery are escalated to the department concerned, each once', async () => {
    const id = await issued();
    const taskId = randomUUID();
    const overdue = { orderId: id, round: 1, department: 'QUALITY' as const, taskId, dueAt: new Date(Date.now() - 60_000).toISOString(), escalatedAt: new Date().toISOString(), escalatedTo: 'quality.head' };
    await apply((m) => projection.reviewOverdue(m, overdue));
    await apply((m) => projection.reviewOverdue(m, overdue));
    const contract = { orderId: id, contractId: randomUUID(), number: 'PC-2026-000009', supplierId: 'SUP-1', deliveryDate: '2026-01-05', openLines: [{ materialCode: 'M-1', quantity: '10.000' }], detectedAt: new Date().toISOString() };
    await apply((m) => projection.contractOverdue(m, contract));
    await apply((m) => projection.contractOverdue(m, contract));
    const { items } = await ctx.app.get(EscalationService).list({ orderId: id, page: 1, pageSize: 50 });
    expect(items.map((e) => [e.kind, e.department, e.ref.id]).sort()).toEqual([
      ['LATE_REVIEW', 'QUALITY', taskId],
      ['SUPPLIER_OVERDUE', 'PURCHASING', `${contract.contractId}:2026-01-05`],
    ]);
  });

  it('R6.4 the stream resumes after a Last-Event-ID from the change log, then delivers live changes through NOTIFY', async () => {
    const id = await issued();
    const from = await lastSeq();
    await apply((m) => projection.problemRaised(m, { orderId: id, planId: randomUUID(), problemId: randomUUID(), kind: 'OTHER', severity: 'MINOR', description: 'missed while away', raisedBy: 'production.staff', raisedAt: new Date().toISOString() }));
    const events: MessageEvent[] = [];
    const sub = ctx.app.get(MonitoringStream).events(String(BigInt(from))).subscribe((e) => events.push(e));
    try {
      const orderEvents = () => events.filter((e) => e.type === 'order');
      await waitFor(() => orderEvents().length === 1);
      expect(orderEvents()[0]).toMatchObject({ id: String(BigInt(from) + 1n), data: expect.objectContaining({ orderId: id }) });
      const started = Date.now();
      await apply((m) => projection.problemRaised(m, { orderId: id, planId: randomUUID(), problemId: randomUUID(), kind: 'OTHER', severity: 'MINOR', description: 'live', raisedBy: 'production.staff', raisedAt: new Date().toISOString() }));
      await waitFor(() => orderEvents().length === 2);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(Number(orderEvents()[1].id)).toBeGreaterThan(Number(orderEvents()[0].id));
      expect((orderEvents()[1].data as { openItems: { summary: string }[] }).openItems.map((i) => i.summary)).toContain('MINOR OTHER: live');
    } finally {
      sub.unsubscribe();
    }
  });

  it('R6.4 a change whose transaction commits after a later change is still streamed, and a resume from the later event gets it', async () => {
    const [early, late] = [await issued(), await issued()];
    const events: MessageEvent[] = [];
    const stream = ctx.app.get(MonitoringStream);
    const sub = stream.events(null).subscribe((e) => events.push(e));
    const about = (orderId: string) => events.filter((e) => e.type === 'order' && (e.data as { orderId: string }).orderId === orderId);
    const problem = (orderId: string, description: string) => (m: EntityManager) =>
      projection.problemRaised(m, { orderId, planId: randomUUID(), problemId: randomUUID(), kind: 'OTHER', severity: 'MINOR', description, raisedBy: 'production.staff', raisedAt: new Date().toISOString() });
    try {
      // The early transaction takes its change's seq first and commits last.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let wrote!: () => void;
      const written = new Promise<void>((r) => (wrote = r));
      const earlyTx = ctx.dataSource.transaction(async (m) => {
        await problem(early, 'committed last')(m);
        wrote();
        await held;
      });
      await written;
      await apply(problem(late, 'committed first'));
      await waitFor(() => about(late).length > 0);
      const resumeFrom = about(late).at(-1)?.id as string;
      release();
      await earlyTx;
      await waitFor(() => about(early).some((e) => (e.data as { openItems: { summary: string }[] }).openItems.some((i) => i.summary === 'MINOR OTHER: committed last')));
      // A client that saw the late change and reconnects with its id is sent the early one.
      const resumed: MessageEvent[] = [];
      const again = stream.events(resumeFrom).subscribe((e) => resumed.push(e));
      try {
        await waitFor(() => resumed.some((e) => e.type === 'order' && (e.data as { orderId: string }).orderId === early));
      } finally {
        again.unsubscribe();
      }
    } finally {
      sub.unsubscribe();
    }
  });

  it('R6.4 a change committed while the LISTEN connection was lost still reaches a connected client, from the log', async () => {
    const id = await issued();
    const events: MessageEvent[] = [];
    const sub = ctx.app.get(MonitoringStream).events(null).subscribe((e) => events.push(e));
    try {
      const [{ count }] = await ctx.dataSource.query(
        `SELECT count(pg_terminate_backend(pid))::int AS count FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN sales_escalation%'`,
      );
      expect(count).toBe(1);
      await apply((m) => projection.problemRaised(m, { orderId: id, planId: randomUUID(), problemId: randomUUID(), kind: 'OTHER', severity: 'MINOR', description: 'during the outage', raisedBy: 'production.staff', raisedAt: new Date().toISOString() }));
      await waitFor(() => events.some((e) => e.type === 'order' && (e.data as { openItems: { summary: string }[] }).openItems.some((i) => i.summary === 'MINOR OTHER: during the outage')), 10_000);
    } finally {
      sub.unsubscribe();
    }
  });
});

async function waitFor(done: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
