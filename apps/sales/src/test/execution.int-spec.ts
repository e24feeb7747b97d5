import { randomUUID } from 'node:crypto';
import { REVIEW_DEPARTMENTS } from '@opm/contracts';
import type { Principal } from '@opm/platform';
import type { AppContext } from '@opm/testing';
import { ApprovalsService } from '../approvals/approvals.service';
import { IssuanceService } from '../issuance/issuance.service';
import { OrderRepository } from '../lifecycle/order.repository';
import { auditActions, customer, newOrder, recordOrder, reviewEvents, startSales } from './sales-context';
import { ExecutionService } from '../execution/execution.service';

const assessment = { clear: true, summary: 'fine', reasons: [], proposals: [], details: {} };
const head = (department: Principal['department'], username: string): Principal => ({ username, department, role: 'HEAD' });

/**
 * The execution stage against the real PostgreSQL: production's and quality's events applied as sales' consumers
 * apply them (one transaction each), in either order.
 */
describe('execution stage (PostgreSQL)', () => {
  let ctx: AppContext;
  let execution: ExecutionService;
  let orders: OrderRepository;

  beforeAll(async () => {
    ctx = await startSales('execution');
    execution = ctx.app.get(ExecutionService);
    orders = ctx.app.get(OrderRepository);
  });
  afterAll(() => ctx?.close());

  /** An order through review, its approval chain and the sales head's signature: ISSUED. */
  const issued = async (): Promise<string> => {
    const order = await recordOrder(ctx, newOrder(await customer(ctx)));
    for (const d of REVIEW_DEPARTMENTS) await reviewEvents(ctx, assessment).answer(order.id, 1, d, 'PASS');
    const approvals = ctx.app.get(ApprovalsService);
    await approvals.decide(order.id, 'sales_head', { decision: 'APPROVE', comment: 'ok' }, head('SALES', 'sales.head'), undefined);
    await approvals.decide(order.id, 'division_leader', { decision: 'APPROVE', comment: 'ok' }, { username: 'leader', department: 'MANAGEMENT', role: 'LEADER' }, undefined);
    await approvals.decide(order.id, 'finance', { decision: 'APPROVE', comment: 'ok' }, head('FINANCE', 'finance.head'), undefined);
    expect((await ctx.app.get(IssuanceService).issue(order.id, head('SALES', 'sales.head'), undefined)).status).toBe('ISSUED');
    return order.id;
  };

  const planId = randomUUID();
  const now = () => new Date().toISOString();
  const events = (orderId: string) => {
    let revision = 0;
    const apply = (fn: (m: import('typeorm').EntityManager) => Promise<void>) => ctx.dataSource.transaction(fn);
    return {
      released: () => apply((m) => execution.applyReleased(m, { orderId, planId, releasedBy: 'production.head', releasedAt: now(), plannedEnd: now(), late: false })),
      completed: () => apply((m) => execution.applyCompleted(m, { orderId, planId, quantityProduced: 10, completedBy: 'production.head', completedAt: now() })),
      stopped: () => apply((m) => execution.applyStopped(m, { orderId, planId, reason: 'customer asked to hold', stoppedBy: 'production.head', stoppedAt: now() })),
      quality: (finalInspectionPassed: boolean, openNonconformances: number, at = ++revision) =>
        apply((m) =>
          execution.applyQualityResults(m, { orderId, revision: at, inspectionsPassed: finalInspectionPassed ? 1 : 0, inspectionsFailed: openNonconformances, finalInspectionPassed, openNonconformances, changedAt: now() }),
        ),
    };
  };
  const status = async (id: string) => (await orders.find(id)).status;
  const moves = async (id: string): Promise<string[]> =>
    (
      (await ctx.dataSource.query(`SELECT value->'payload'->>'action' AS action FROM outbox WHERE message_key = $1 AND topic LIKE 'sales.order.status-changed%' ORDER BY seq`, [id])) as {
        action: string;
      }[]
    ).map((r) => r.action);

  it('R5.1 R1.1 the plan released moves an ISSUED order to IN_EXECUTION through the lifecycle', async () => {
    const id = await issued();
    await events(id).released();
    expect(await status(id)).toBe('IN_EXECUTION');
    expect((await moves(id)).slice(-2)).toEqual(['issue', 'startExecution']);
    expect(await auditActions(ctx.dataSource.manager, id)).toContain('order.execution-started');
    expect((await execution.view(id)).plan).toMatchObject({ planId, status: 'RELEASED', releasedBy: 'production.head', late: false });
  });

  it('R5.1 R5.3 R1.1 completion first, then the final inspection: READY_TO_SHIP once, when the last fact arrives', async () => {
    const id = await issued();
    const e = events(id);
    await e.released();
    await e.completed();
    expect(await status(id)).toBe('IN_EXECUTION');
    expect((await execution.view(id)).readyToShip).toEqual({ ready: false, waitingFor: ['a passed final inspection'] });
    await e.quality(true, 0);
    expect(await status(id)).toBe('READY_TO_SHIP');
    // A later fact (another passed lot) moves nothing again.
    await e.quality(true, 0);
    expect((await moves(id)).filter((a) => a === 'markReadyToShip')).toHaveLength(1);
    const view = await execution.view(id);
    expect(view).toMatchObject({ status: 'READY_TO_SHIP', plan: { status: 'COMPLETED', quantityProduced: 10 }, quality: { revision: 2, finalInspectionPassed: true }, readyToShip: { ready: true } });
    expect(view.readyToShipAt).not.toBeNull();
  });

  it('R5.1 R5.3 R1.1 the final inspection first, then completion: READY_TO_SHIP once', async () => {
    const id = await issued();
    const e = events(id);
    await e.released();
    await e.quality(true, 0);
    expect(await status(id)).toBe('IN_EXECUTION');
    await e.completed();
    expect(await status(id)).toBe('READY_TO_SHIP');
    expect((await moves(id)).slice(-3)).toEqual(['issue', 'startExecution', 'markReadyToShip']);
  });

  it('R5.1 R1.1 a completion that overtakes its release is kept, and applied when the release arrives', async () => {
    const id = await issued();
    const e = events(id);
    await e.quality(true, 0);
    await e.completed();
    expect(await status(id)).toBe('ISSUED');
    await e.released();
    expect(await status(id)).toBe('READY_TO_SHIP');
    expect((await moves(id)).slice(-3)).toEqual(['issue', 'startExecution', 'markReadyToShip']);
  });

  it('R5.3 an open nonconformance holds the order; closing it releases it; an older revision arriving late changes nothing', async () => {
    const id = await issued();
    const e = events(id);
    await e.released();
    await e.completed();
    await e.quality(true, 1, 2);
    expect(await status(id)).toBe('IN_EXECUTION');
    expect((await execution.view(id)).readyToShip.waitingFor).toEqual(['1 open nonconformance to be closed']);
    // Revision 1 (before the nonconformance was raised) overtaken by revision 2: ignored.
    await e.quality(true, 0, 1);
    expect(await status(id)).toBe('IN_EXECUTION');
    expect((await execution.view(id)).quality).toMatchObject({ revision: 2, openNonconformances: 1 });
    await e.quality(true, 0, 3);
    expect(await status(id)).toBe('READY_TO_SHIP');
  });

  it('R5.1 a stopped plan is recorded and shown; the order does not move', async () => {
    const id = await issued();
    const e = events(id);
    await e.released();
    await e.stopped();
    await e.quality(true, 0);
    expect(await status(id)).toBe('IN_EXECUTION');
    expect(await execution.view(id)).toMatchObject({ plan: { status: 'STOPPED', stopReason: 'customer asked to hold' }, readyToShip: { ready: false } });
    expect(await auditActions(ctx.dataSource.manager, id)).toContain('execution.plan-stopped');
  });
});
