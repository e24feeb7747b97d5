import type { AppContext } from '@opm/testing';
import { ConflictProblem } from '@opm/platform';
import { auditActions, customer, eventTypes, newOrder, recordOrder, startSales } from '../test/sales-context';
import { OrderLifecycle } from './order-lifecycle.service';
import { Order } from './order.entity';

/** The transition service against the real PostgreSQL: every move is one lock, one check, one event, one audit entry. */
describe('OrderLifecycle (PostgreSQL)', () => {
  let ctx: AppContext;
  let lifecycle: OrderLifecycle;

  beforeAll(async () => {
    ctx = await startSales('lifecycle');
    lifecycle = ctx.app.get(OrderLifecycle);
  });
  afterAll(() => ctx?.close());

  /** An order waiting for the customer's information: the one status a test can move by hand (supplyInfo). */
  const awaitingInfo = async () => (await recordOrder(ctx, newOrder(await customer(ctx), { paymentTerms: null }))).id;
  const load = (id: string) => ctx.dataSource.getRepository(Order).findOneByOrFail({ id });

  it('R1.1 a transition moves the status, bumps the version, publishes sales.order.status-changed and audits once', async () => {
    const id = await awaitingInfo();
    const before = await load(id);
    const eventsBefore = await eventTypes(ctx.dataSource.manager, id);
    const auditBefore = await auditActions(ctx.dataSource.manager, id);
    // No listener for ESCALATED: the order stays where the transition leaves it.
    const moved = await ctx.dataSource.transaction(async (m) => {
      await m.query(`UPDATE sales_order SET status = 'RECEIVED' WHERE id = $1`, [id]);
      return lifecycle.transition(m, id, { action: 'escalate', ifMatch: before.version, audit: 'order.test-escalated', reason: 'why not' });
    });
    expect(moved.status).toBe('ESCALATED');
    expect(moved.version).toBe(before.version + 1);
    expect((await eventTypes(ctx.dataSource.manager, id)).slice(eventsBefore.length)).toEqual(['sales.order.status-changed']);
    expect((await auditActions(ctx.dataSource.manager, id)).slice(auditBefore.length)).toEqual(['order.test-escalated']);
    const [event] = await ctx.dataSource.query(`SELECT value->'payload' AS p FROM outbox WHERE message_key = $1 ORDER BY seq DESC LIMIT 1`, [id]);
    expect(event.p).toMatchObject({ orderId: id, from: 'RECEIVED', to: 'ESCALATED', action: 'escalate', version: moved.version, reason: 'why not' });
  });

  it('R1.1 a refused move (stale If-Match, an action the status does not allow, a guard) writes nothing', async () => {
    const id = await awaitingInfo();
    const order = await load(id);
    const counts = async () => [(await eventTypes(ctx.dataSource.manager, id)).length, (await auditActions(ctx.dataSource.manager, id)).length];
    const initial = await counts();
    const attempt = (req: Parameters<OrderLifecycle['transition']>[2]) => ctx.dataSource.transaction((m) => lifecycle.transition(m, id, req));
    await expect(attempt({ action: 'supplyInfo', ifMatch: order.version - 1, audit: 'x' })).rejects.toMatchObject({
      response: { detail: expect.stringContaining(`is at version ${order.version}`) },
    });
    await expect(attempt({ action: 'issue', audit: 'x' })).rejects.toMatchObject({ response: { currentStatus: 'AWAITING_INFO', action: 'issue' } });
    // A change that throws aborts the whole move, including what it already wrote.
    await expect(
      attempt({
        action: 'supplyInfo',
        audit: 'x',
        change: (o) => {
          o.paymentTerms = 'cash';
          throw new ConflictProblem('refused by the test');
        },
      }),
    ).rejects.toThrow(ConflictProblem);
    // A stage's guard on the action refuses before anything changes.
    let refuse = true;
    lifecycle.guard('supplyInfo', async () => {
      if (refuse) throw new ConflictProblem('a stage says no');
    });
    await expect(attempt({ action: 'supplyInfo', audit: 'x', change: (o) => void (o.paymentTerms = 'cash') })).rejects.toMatchObject({
      response: { detail: 'a stage says no' },
    });
    refuse = false;
    expect(await counts()).toEqual(initial);
    expect(await load(id)).toMatchObject({ status: 'AWAITING_INFO', version: order.version, paymentTerms: null });
  });

  it('R1.1 a stage registered for a status reacts in the same transaction; its failure undoes the move', async () => {
    const id = await awaitingInfo();
    const seen: string[] = [];
    lifecycle.onEnter('ESCALATED', async (m, entered) => {
      seen.push(`${entered.from}->${entered.to} by ${entered.action}`);
      // Inside the moving transaction: the new status is already visible here.
      const [row] = await m.query(`SELECT status FROM sales_order WHERE id = $1`, [entered.order.id]);
      if (entered.reason === 'fail') throw new Error(`listener saw ${row.status} and failed`);
    });
    const escalate = (reason: string) =>
      ctx.dataSource.transaction(async (m) => {
        await m.query(`UPDATE sales_order SET status = 'RECEIVED' WHERE id = $1`, [id]);
        return lifecycle.transition(m, id, { action: 'escalate', audit: 'order.test-escalated', reason });
      });
    await expect(escalate('fail')).rejects.toThrow('listener saw ESCALATED and failed');
    expect((await load(id)).status).toBe('AWAITING_INFO');
    await escalate('ok');
    expect((await load(id)).status).toBe('ESCALATED');
    expect(seen).toEqual(['RECEIVED->ESCALATED by escalate', 'RECEIVED->ESCALATED by escalate']);
  });
});
