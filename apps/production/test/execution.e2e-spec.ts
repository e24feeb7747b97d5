import request from 'supertest';
import { daysFromToday } from '@opm/contracts';
import { eventually, orderBody, TestStack } from '@opm/testing';

interface Plan {
  id: string;
  orderId: string;
  status: string;
  version: number;
  late: boolean;
  tasks: { id: string; name: string; workCentre: string; status: string; progressPercent: number; resources: { workCentre: string; staffCount: number; equipment: string[] } }[];
  checkpoints: { id: string; name: string; source: string }[];
  problems: { id: string; status: string }[];
  quantityProduced: number | null;
}

/** A catalog order every department clears at once (auto-confirm); quality attains the ISO 2768-m it asks for. */
const clearOrder = (quantity = 100) =>
  orderBody({
    deliveryDate: daysFromToday(150),
    lines: [{ productCode: 'P-100', quantity, unitPrice: '12.50' }],
    specialRequirements: { customization: null, packaging: 'export crate', transportMode: 'sea freight', other: 'ISO 2768-m' },
  });

/** Production execution through the gateway (issue 13 items 1-3, 6): plan drafted at issuance, released, produced, completed. */
describe('production execution (e2e)', () => {
  let stack: TestStack;
  let gateway: ReturnType<typeof request>;
  const as = (user: string) => stack.bearer(user);
  const latencies: number[] = [];

  beforeAll(async () => {
    stack = await TestStack.start();
    gateway = request(stack.member('gateway').baseUrl);
    await stack.waitForDemoData();
  }, 480_000);

  afterAll(async () => {
    if (latencies.length > 0) console.log(`issue -> plan visible (ms): ${latencies.join(', ')}`);
    await stack?.stop();
  });

  /** Records an order, lets the review clear it, approves it in the chain's order and issues it (as sales' e2e does). */
  const issuedOrder = async (quantity = 100) => {
    const created = await gateway.post('/api/v1/orders').set('authorization', await as('sales.staff')).send(clearOrder(quantity)).expect(201);
    const id = created.body.id as string;
    await eventually(async () => {
      const res = await gateway.get(`/api/v1/orders/${id}`).set('authorization', await as('sales.staff')).expect(200);
      expect(res.body.status).toBe('AWAITING_APPROVAL');
    }, { timeoutMs: 60_000 });
    for (const [step, user] of [['SALES_HEAD', 'sales.head'], ['DIVISION_LEADER', 'leader'], ['FINANCE', 'finance.head']]) {
      await gateway.post(`/api/v1/orders/${id}/approvals/${step}/decision`).set('authorization', await as(user)).send({ decision: 'APPROVE', comment: 'ok' }).expect(200);
    }
    const issuedAt = Date.now();
    await gateway.post(`/api/v1/orders/${id}/issue`).set('authorization', await as('sales.head')).expect(200);
    const plan = await eventually(async () => {
      const res = await gateway.get(`/api/v1/production/plans?orderId=${id}`).set('authorization', await as('sales.staff')).expect(200);
      expect(res.body.total).toBe(1);
      return res.body.items[0] as Plan;
    }, { timeoutMs: 30_000, intervalMs: 50 });
    latencies.push(Date.now() - issuedAt);
    return { id, number: created.body.number as string, plan };
  };
  const post = async (path: string, user: string, body: object = {}) => gateway.post(`/api/v1${path}`).set('authorization', await as(user)).send(body);

  it('R5.1 R5.4 issue -> plan drafted with tasks and checkpoints (also in GET /orders/{id}) -> release -> progress -> a MAJOR problem blocks completion -> resolve -> complete', async () => {
    const { id, plan } = await issuedOrder();
    expect(plan.status).toBe('DRAFT');
    expect(plan.tasks.map((t) => [t.workCentre, t.status, t.progressPercent])).toEqual([
      ['MACHINING', 'PLANNED', 0],
      ['ASSEMBLY', 'PLANNED', 0],
    ]);
    expect(plan.tasks[0].resources).toMatchObject({ workCentre: 'MACHINING', staffCount: 2 });
    expect(plan.checkpoints.map((c) => c.source)).toEqual(['QUALITY_REVIEW', 'STANDARD']);
    expect(plan.checkpoints[0].name).toContain('ISO 2768-m');

    // An open technical issue shows beside the plan in production's part of the combined view.
    const issue = await post('/production/technical-issues', 'quality.head', { orderId: id, question: 'Is the sealing face to be measured per lot?' });
    expect(issue.status).toBe(201);
    const combined = await gateway.get(`/api/v1/orders/${id}`).set('authorization', await as('sales.staff')).expect(200);
    expect(combined.body.departments.production.execution.plan).toMatchObject({ id: plan.id, status: 'DRAFT', tasks: [{ id: plan.tasks[0].id }, { id: plan.tasks[1].id }] });
    expect(combined.body.departments.production.execution.technicalIssues.map((i: { id: string }) => i.id)).toEqual([issue.body.id]);
    expect((await post(`/production/technical-issues/${issue.body.id}/answer`, 'production.staff', { answer: 'no' })).status).toBe(403);
    expect((await post(`/production/technical-issues/${issue.body.id}/answer`, 'technical.head', { answer: 'Yes, every 10th flange.' })).body.status).toBe('ANSWERED');
    const open = await gateway.get(`/api/v1/production/technical-issues?orderId=${id}&status=OPEN`).set('authorization', await as('sales.staff')).expect(200);
    expect(open.body.total).toBe(0);

    // Only the production head releases; staff of another department get 403, a stale If-Match 409.
    expect((await post(`/production/plans/${plan.id}/release`, 'production.staff')).status).toBe(403);
    expect((await post(`/production/plans/${plan.id}/release`, 'sales.head')).status).toBe(403);
    const stale = await gateway.post(`/api/v1/production/plans/${plan.id}/release`).set('authorization', await as('production.head')).set('if-match', '7').send({});
    expect(stale.status).toBe(409);
    const released = await gateway.post(`/api/v1/production/plans/${plan.id}/release`).set('authorization', await as('production.head')).set('if-match', String(plan.version)).send({});
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('RELEASED');
    const again = await post(`/production/plans/${plan.id}/release`, 'production.head');
    expect(again.status).toBe(409);
    expect(again.body.currentStatus).toBe('RELEASED');

    const bad = await post(`/production/plans/${plan.id}/tasks/${plan.tasks[0].id}/progress`, 'production.staff', { progressPercent: 101 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['progressPercent']);
    expect((await post(`/production/plans/${plan.id}/tasks/${plan.id}/progress`, 'production.staff', { progressPercent: 10 })).status).toBe(404);
    expect((await post(`/production/plans/00000000-0000-4000-8000-000000000000/tasks/${plan.tasks[0].id}/progress`, 'production.staff', { progressPercent: 10 })).status).toBe(404);
    expect((await post(`/production/plans/${plan.id}/tasks/${plan.tasks[0].id}/progress`, 'quality.head', { progressPercent: 10 })).status).toBe(403);
    const progressed = await post(`/production/plans/${plan.id}/tasks/${plan.tasks[0].id}/progress`, 'production.staff', { progressPercent: 50, note: 'half turned' });
    expect(progressed.status).toBe(200);
    expect(progressed.body).toMatchObject({ status: 'IN_PROGRESS', tasks: [{ status: 'IN_PROGRESS', progressPercent: 50 }, { status: 'PLANNED' }] });

    const problem = await post(`/production/plans/${plan.id}/problems`, 'production.staff', { kind: 'EQUIPMENT_FAILURE', severity: 'MAJOR', description: 'spindle bearing failed' });
    expect(problem.status).toBe(201);
    expect(problem.body).toMatchObject({ id: expect.any(String), status: 'OPEN' });
    const badKind = await post(`/production/plans/${plan.id}/problems`, 'production.staff', { kind: 'FIRE', severity: 'MAJOR', description: 'x' });
    expect(badKind.status).toBe(400);
    for (const t of plan.tasks) expect((await post(`/production/plans/${plan.id}/tasks/${t.id}/progress`, 'production.staff', { progressPercent: 100 })).status).toBe(200);

    const blocked = await post(`/production/plans/${plan.id}/complete`, 'production.head', { quantityProduced: 100 });
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toContain('spindle bearing failed');
    expect((await post('/production/problems/00000000-0000-4000-8000-000000000000/resolve', 'production.staff', { resolution: 'x' })).status).toBe(404);
    const resolved = await post(`/production/problems/${problem.body.id}/resolve`, 'production.staff', { resolution: 'bearing replaced, machine re-qualified' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('RESOLVED');

    expect((await post(`/production/plans/${plan.id}/complete`, 'production.staff', { quantityProduced: 100 })).status).toBe(403);
    const over = await post(`/production/plans/${plan.id}/complete`, 'production.head', { quantityProduced: 101 });
    expect(over.status).toBe(422);
    expect(over.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const completed = await post(`/production/plans/${plan.id}/complete`, 'production.head', { quantityProduced: 100 });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'COMPLETED', quantityProduced: 100, completedBy: 'production.head' });
    expect((await post(`/production/plans/${plan.id}/stop`, 'production.head', { reason: 'too late' })).body.currentStatus).toBe('COMPLETED');

    // Every fact is in production's audit trail of the order.
    const audit = await gateway.get(`/api/v1/orders/${id}/audit`).set('authorization', await as('sales.head')).expect(200);
    const actions = (audit.body.items as { service: string; action: string }[]).filter((e) => e.service === 'production').map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['plan.drafted', 'plan.released', 'task.progressed', 'problem.raised', 'problem.resolved', 'plan.completed', 'technical-issue.raised', 'technical-issue.answered']));
  });

  it("R3.3 the capacity assessment of a new order sees an issued order's plan as load, and stops seeing it once the plan is stopped", async () => {
    const holder = await issuedOrder();
    const machiningOf = async (orderId: string) =>
      eventually(async () => {
        const res = await gateway.get(`/api/v1/orders/${orderId}/review`).set('authorization', await as('sales.staff')).expect(200);
        const task = (res.body.rounds[0]?.tasks ?? []).find((t: { department: string }) => t.department === 'PRODUCTION');
        expect(task?.assessment).toBeTruthy();
        return (task.assessment.details.perWorkCentre as { workCentre: string; committedHours: number; committedOrders: string[] }[]).find((c) => c.workCentre === 'MACHINING');
      }, { timeoutMs: 30_000 });
    const record = async () => (await gateway.post('/api/v1/orders').set('authorization', await as('sales.staff')).send(clearOrder()).expect(201)).body.id as string;

    const seen = await machiningOf(await record());
    expect(seen?.committedOrders).toContain(holder.number);
    expect(seen?.committedHours).toBeGreaterThanOrEqual(20);

    expect((await post(`/production/plans/${holder.plan.id}/stop`, 'production.staff', { reason: 'x' })).status).toBe(403);
    const stopped = await post(`/production/plans/${holder.plan.id}/stop`, 'production.head', { reason: 'customer cancelled' });
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe('STOPPED');
    const refused = await post(`/production/plans/${holder.plan.id}/release`, 'production.head');
    expect(refused.status).toBe(409);
    expect(refused.body.currentStatus).toBe('STOPPED');

    const after = await machiningOf(await record());
    expect(after?.committedOrders ?? []).not.toContain(holder.number);
    expect(after?.committedHours ?? 0).toBeLessThanOrEqual((seen?.committedHours ?? 0) - 20);
  });
});
