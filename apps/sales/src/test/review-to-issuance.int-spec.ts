import { REVIEW_DEPARTMENTS, ReviewDepartment } from '@opm/contracts';
import type { Principal } from '@opm/platform';
import type { AppContext } from '@opm/testing';
import { ApprovalsService } from '../approvals/approvals.service';
import { IntakeService } from '../intake/intake.service';
import { IssuanceService } from '../issuance/issuance.service';
import { OrderRepository } from '../lifecycle/order.repository';
import { auditActions, customer, eventTypes, newOrder, reviewEvents, startSales } from './sales-context';
import { ReviewService } from '../review/review.service';

const assessment = { clear: true, summary: 'fine', reasons: [], proposals: [], details: {} };
const head = (department: Principal['department'], username: string): Principal => ({ username, department, role: 'HEAD' });

/**
 * The review, approvals and issuance stages against the real PostgreSQL: each reacts to the order entering its
 * status through the lifecycle core, none calls another.
 */
describe('review -> approvals -> issuance (PostgreSQL)', () => {
  let ctx: AppContext;
  let review: ReviewService;
  let orders: OrderRepository;

  beforeAll(async () => {
    ctx = await startSales('review_to_issuance');
    review = ctx.app.get(ReviewService);
    orders = ctx.app.get(OrderRepository);
  });
  afterAll(() => ctx?.close());

  const tasks = async (orderId: string) => (await review.get(orderId)).rounds.at(-1)?.tasks ?? [];
  const open = (orderId: string, round: number, department: ReviewDepartment) => reviewEvents(ctx, assessment).open(orderId, round, department);
  const answer = (orderId: string, round: number, department: ReviewDepartment, conclusion: 'PASS' | 'FAIL') =>
    reviewEvents(ctx, assessment).answer(orderId, round, department, conclusion);

  it('R3.7 a task is REQUESTED until its department has opened it, then OPEN with its due time', async () => {
    const order = await ctx.app.get(IntakeService).create(newOrder(await customer(ctx)));
    expect(order.status).toBe('UNDER_REVIEW');
    // Until it is opened, its due time is the one to open it by (issue 11: REVIEW_OPEN_DUE_SECONDS, 600 by default).
    const openedAt = Date.parse((await review.get(order.id)).rounds[0].openedAt);
    expect((await tasks(order.id)).map((t) => [t.department, t.status, t.dueAt])).toEqual(
      REVIEW_DEPARTMENTS.map((d) => [d, 'REQUESTED', new Date(openedAt + 600_000).toISOString()]),
    );
    await open(order.id, 1, 'TECHNICAL');
    const technical = (await tasks(order.id)).find((t) => t.department === 'TECHNICAL');
    expect(technical).toMatchObject({ status: 'OPEN', assessment: { clear: true } });
    expect(technical?.dueAt).not.toBeNull();
    // An answer that overtakes its opened event (they travel on different topics) is not undone by it.
    await answer(order.id, 1, 'QUALITY', 'PASS');
    await open(order.id, 1, 'QUALITY');
    expect((await tasks(order.id)).find((t) => t.department === 'QUALITY')?.status).toBe('DONE');
  });

  it('R3.7 R3.8 R4.1 R4.2 five answers conclude the round; the approvals stage opens its chain; issuing waits for it', async () => {
    const order = await ctx.app.get(IntakeService).create(newOrder(await customer(ctx)));
    for (const d of REVIEW_DEPARTMENTS) await answer(order.id, 1, d, 'PASS');
    const approved = await orders.find(order.id);
    expect(approved.status).toBe('AWAITING_APPROVAL');
    const approvals = ctx.app.get(ApprovalsService);
    expect((await approvals.chain(order.id)).steps.map((s) => [s.step, s.status])).toEqual([
      ['SALES_HEAD', 'PENDING'],
      ['DIVISION_LEADER', 'PENDING'],
      ['FINANCE', 'PENDING'],
    ]);
    const issuance = ctx.app.get(IssuanceService);
    // Not APPROVED yet: the state machine refuses.
    await expect(issuance.issue(order.id, head('SALES', 'sales.head'), undefined)).rejects.toMatchObject({ response: { currentStatus: 'AWAITING_APPROVAL', action: 'issue' } });
    await approvals.decide(order.id, 'sales_head', { decision: 'APPROVE', comment: 'ok' }, head('SALES', 'sales.head'), undefined);
    await approvals.decide(order.id, 'division_leader', { decision: 'APPROVE', comment: 'ok' }, { username: 'leader', department: 'MANAGEMENT', role: 'LEADER' }, undefined);
    // APPROVED by status, but a chain whose record is incomplete is refused by the approvals stage's guard.
    await ctx.dataSource.query(`UPDATE sales_order SET status = 'APPROVED' WHERE id = $1`, [order.id]);
    await expect(issuance.issue(order.id, head('SALES', 'sales.head'), undefined)).rejects.toMatchObject({
      response: { detail: expect.stringContaining('its approval chain is not complete') },
    });
    await ctx.dataSource.query(`UPDATE sales_order SET status = 'AWAITING_APPROVAL' WHERE id = $1`, [order.id]);
    const last = await approvals.decide(order.id, 'finance', { decision: 'APPROVE', comment: 'ok' }, head('FINANCE', 'finance.head'), undefined);
    expect(last.status).toBe('APPROVED');
    const issued = await issuance.issue(order.id, head('SALES', 'sales.head'), undefined);
    expect(issued.status).toBe('ISSUED');
    expect(issued.documentHash).toMatch(/^[0-9a-f]{64}$/);
    const statusEvents = (await ctx.dataSource.query(
      `SELECT value->'payload'->>'from' AS "from", value->'payload'->>'to' AS "to" FROM outbox WHERE message_key = $1 AND topic LIKE 'sales.order.status-changed%' ORDER BY seq`,
      [order.id],
    )) as { from: string; to: string }[];
    expect(statusEvents.map((e) => `${e.from}->${e.to}`)).toEqual(['RECEIVED->UNDER_REVIEW', 'UNDER_REVIEW->AWAITING_APPROVAL', 'AWAITING_APPROVAL->APPROVED', 'APPROVED->ISSUED']);
    expect(await eventTypes(ctx.dataSource.manager, order.id)).toEqual(expect.arrayContaining(['sales.order.review-concluded', 'sales.order.issued']));
    const trail = await auditActions(ctx.dataSource.manager, order.id);
    expect(trail.slice(trail.indexOf('order.review-concluded'))).toEqual([
      'order.review-concluded',
      'approval.chain-opened',
      'approval.approved',
      'approval.approved',
      'approval.approved',
      'order.issued',
    ]);
  });

  it('R3.7 a failed round ends in REVIEW_FAILED; a revision opens round 2 with its reason and author, round 1 kept', async () => {
    const order = await ctx.app.get(IntakeService).create(newOrder(await customer(ctx)));
    for (const d of REVIEW_DEPARTMENTS) await answer(order.id, 1, d, d === 'PRODUCTION' ? 'FAIL' : 'PASS');
    const failed = await orders.find(order.id);
    expect(failed.status).toBe('REVIEW_FAILED');
    const revised = await review.revise(order.id, { reason: 'customer accepts a later date', deliveryDate: newOrder('x').deliveryDate }, failed.version);
    expect(revised.status).toBe('UNDER_REVIEW');
    const rounds = (await review.get(order.id)).rounds;
    expect(rounds.map((r) => [r.round, r.status])).toEqual([
      [1, 'FAILED'],
      [2, 'OPEN'],
    ]);
    expect(rounds[1].revision).toMatchObject({ reason: 'customer accepts a later date' });
    expect(rounds[0].report?.reasons.join(' ')).toContain('PRODUCTION says FAIL');
  });
});
