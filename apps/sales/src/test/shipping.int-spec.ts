import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
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
 * Sales' side of shipping against the real PostgreSQL (R5.5, R1.4): logistics' dispatch and delivery events applied
 * as sales' consumers apply them (one transaction each), in either order.
 */
describe('execution stage: shipping (PostgreSQL)', () => {
  let ctx: AppContext;
  let execution: ExecutionService;
  let orders: OrderRepository;

  beforeAll(async () => {
    ctx = await startSales('logi_shipping');
    execution = ctx.app.get(ExecutionService);
    orders = ctx.app.get(OrderRepository);
  });
  afterAll(() => ctx?.close());

  /** An order of two lines (10 and 5) issued, produced and finally inspected: READY_TO_SHIP. */
  const readyToShip = async (): Promise<string> => {
    const lines = [
      { productName: 'Custom bracket', specification: '304 steel', quantity: 10, unitPrice: '12.50' },
      { productName: 'Mounting plate', specification: '316 steel', quantity: 5, unitPrice: '20.00' },
    ];
    const order = await recordOrder(ctx, newOrder(await customer(ctx), { lines }));
    for (const d of REVIEW_DEPARTMENTS) await reviewEvents(ctx, assessment).answer(order.id, 1, d, 'PASS');
    const approvals = ctx.app.get(ApprovalsService);
    await approvals.decide(order.id, 'sales_head', { decision: 'APPROVE', comment: 'ok' }, head('SALES', 'sales.head'), undefined);
    await approvals.decide(order.id, 'division_leader', { decision: 'APPROVE', comment: 'ok' }, { username: 'leader', department: 'MANAGEMENT', role: 'LEADER' }, undefined);
    await approvals.decide(order.id, 'finance', { decision: 'APPROVE', comment: 'ok' }, head('FINANCE', 'finance.head'), undefined);
    await ctx.app.get(IssuanceService).issue(order.id, head('SALES', 'sales.head'), undefined);
    const planId = randomUUID();
    const at = new Date().toISOString();
    await apply((m) => execution.applyReleased(m, { orderId: order.id, planId, releasedBy: 'production.head', releasedAt: at, plannedEnd: at, late: false }));
    await apply((m) => execution.applyCompleted(m, { orderId: order.id, planId, quantityProduced: 15, completedBy: 'production.head', completedAt: at }));
    await apply((m) => execution.applyQualityResults(m, { orderId: order.id, revision: 1, inspectionsPassed: 1, inspectionsFailed: 0, finalInspectionPassed: true, openNonconformances: 0, changedAt: at }));
    expect(await status(order.id)).toBe('READY_TO_SHIP');
    return order.id;
  };
  const apply = (fn: (m: EntityManager) => Promise<void>) => ctx.dataSource.transaction(fn);
  const status = async (id: string) => (await orders.find(id)).status;
  const moves = async (id: string): Promise<string[]> =>
    ((await ctx.dataSource.query(`SELECT value->'payload'->>'action' AS action FROM outbox WHERE message_key = $1 AND topic LIKE 'sales.order.status-changed%' ORDER BY seq`, [id])) as { action: string }[]).map(
      (r) => r.action,
    );
  const dispatched = (orderId: string, number: string, lines: { lineNo: number; quantity: number }[]) =>
    apply((m) =>
      execution.applyDispatched(m, { orderId, shipmentId: randomUUID(), number, lines, carrier: 'COSCO Shipping', trackingNumber: null, dispatchedBy: 'logistics.staff', dispatchedAt: new Date().toISOString() }),
    );
  const delivered = (orderId: string, number: string, lines: { lineNo: number; quantity: number }[], deliveredTotals: { lineNo: number; quantity: number }[], receivedAt: string) =>
    apply((m) => execution.applyDelivered(m, { orderId, shipmentId: randomUUID(), number, lines, deliveredTotals, receivedBy: 'Li Wei', receivedAt, note: null, recordedBy: 'logistics.staff' }));

  it('R5.5 R1.1 the first dispatch moves a READY_TO_SHIP order to SHIPPED; a later dispatch moves nothing', async () => {
    const id = await readyToShip();
    await dispatched(id, 'SH-2026-000001', [{ lineNo: 1, quantity: 10 }]);
    expect(await status(id)).toBe('SHIPPED');
    await dispatched(id, 'SH-2026-000002', [{ lineNo: 2, quantity: 5 }]);
    expect(await status(id)).toBe('SHIPPED');
    expect((await moves(id)).slice(-2)).toEqual(['markReadyToShip', 'ship']);
    expect((await execution.view(id)).shipping).toMatchObject({
      shipmentsDispatched: 2,
      lines: [
        { lineNo: 1, ordered: 10, shipped: 10, delivered: 0, outstanding: 10 },
        { lineNo: 2, ordered: 5, shipped: 5, delivered: 0, outstanding: 5 },
      ],
    });
    expect(await auditActions(ctx.dataSource.manager, id)).toContain('execution.shipment-dispatched');
  });

  it('R5.5 R1.4 partial deliveries add up: DELIVERED only once every ordered line is, with the last receivedAt as the actual date beside the promised one', async () => {
    const id = await readyToShip();
    await dispatched(id, 'SH-2026-000003', [{ lineNo: 1, quantity: 10 }, { lineNo: 2, quantity: 2 }]);
    await dispatched(id, 'SH-2026-000004', [{ lineNo: 2, quantity: 3 }]);
    const first = new Date(Date.now() - 3_600_000).toISOString();
    await delivered(id, 'SH-2026-000003', [{ lineNo: 1, quantity: 10 }, { lineNo: 2, quantity: 2 }], [{ lineNo: 1, quantity: 10 }, { lineNo: 2, quantity: 2 }], first);
    expect(await status(id)).toBe('SHIPPED');
    expect((await execution.view(id)).shipping).toMatchObject({ shipmentsDelivered: 1, lastReceivedAt: first, actualDeliveryDate: null, onTime: null });

    const last = new Date().toISOString();
    await delivered(id, 'SH-2026-000004', [{ lineNo: 2, quantity: 3 }], [{ lineNo: 1, quantity: 10 }, { lineNo: 2, quantity: 5 }], last);
    expect(await status(id)).toBe('DELIVERED');
    const order = await orders.find(id);
    expect((await execution.view(id)).shipping).toMatchObject({
      lines: [
        { lineNo: 1, ordered: 10, delivered: 10, outstanding: 0 },
        { lineNo: 2, ordered: 5, delivered: 5, outstanding: 0 },
      ],
      promisedDeliveryDate: order.deliveryDate,
      actualDeliveryAt: last,
      actualDeliveryDate: last.slice(0, 10),
      onTime: true,
    });
    expect((await moves(id)).slice(-3)).toEqual(['markReadyToShip', 'ship', 'confirmDelivery']);
    expect((await auditActions(ctx.dataSource.manager, id)).filter((a) => a === 'order.delivered')).toHaveLength(1);
  });

  it('R5.5 R1.1 a delivery heard before its dispatch (another topic) ships the order first; the late dispatch and an older total change nothing', async () => {
    const id = await readyToShip();
    const at = new Date().toISOString();
    await delivered(id, 'SH-2026-000005', [{ lineNo: 1, quantity: 10 }], [{ lineNo: 1, quantity: 10 }, { lineNo: 2, quantity: 0 }], at);
    expect(await status(id)).toBe('SHIPPED');
    await delivered(id, 'SH-2026-000006', [{ lineNo: 2, quantity: 5 }], [{ lineNo: 1, quantity: 10 }, { lineNo: 2, quantity: 5 }], at);
    expect(await status(id)).toBe('DELIVERED');
    await dispatched(id, 'SH-2026-000005', [{ lineNo: 1, quantity: 10 }]);
    await delivered(id, 'SH-2026-000005', [{ lineNo: 1, quantity: 10 }], [{ lineNo: 1, quantity: 10 }, { lineNo: 2, quantity: 0 }], at);
    expect(await status(id)).toBe('DELIVERED');
    expect((await moves(id)).slice(-3)).toEqual(['markReadyToShip', 'ship', 'confirmDelivery']);
    expect((await execution.view(id)).shipping.lines.map((l) => l.delivered)).toEqual([10, 5]);
  });
});
