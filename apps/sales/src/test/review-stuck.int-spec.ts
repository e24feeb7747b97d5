import { REVIEW_DEPARTMENTS } from '@opm/contracts';
import type { AppContext } from '@opm/testing';
import { escalateOverdue } from '@opm/workflow';
import { ReviewRequestDeadlines } from '../review/review-requests-deadlines';
import { ReviewService } from '../review/review.service';
import { auditActions, customer, newOrder, recordOrder, reviewEvents, startSales } from './sales-context';

const assessment = { clear: true, summary: 'fine', reasons: [], proposals: [], details: {} };

/**
 * Issue 11.3: a review request a department could not apply (dead-lettered there) leaves its task REQUESTED; by the
 * due time to open it, the round shows stuck and is escalated by the due-task scan, and it goes on once applied.
 */
describe('review: a request no department opened in time (PostgreSQL)', () => {
  let ctx: AppContext;
  let review: ReviewService;

  beforeAll(async () => {
    ctx = await startSales('review_stuck', { REVIEW_OPEN_DUE_SECONDS: '4', REVIEW_STUCK_SCAN_MS: '3600000' });
    review = ctx.app.get(ReviewService);
  });
  afterAll(() => ctx?.close());

  it('issue-11.3 a round whose department never opened its task by its due time is stuck and escalated once; it resumes when the task opens', async () => {
    const order = await recordOrder(ctx, newOrder(await customer(ctx)));
    const events = reviewEvents(ctx, assessment);
    // Four departments open their tasks at once; QUALITY's request was dead-lettered there.
    for (const d of REVIEW_DEPARTMENTS.filter((d) => d !== 'QUALITY')) await events.open(order.id, 1, d);
    expect((await review.get(order.id)).rounds[0].stuck).toBe(false);

    // Until QUALITY's due time to open its task has passed.
    const openBy = Date.parse((await review.get(order.id)).rounds[0].tasks.find((t) => t.department === 'QUALITY')?.dueAt ?? '');
    expect(openBy).toBeGreaterThan(Date.now());
    await new Promise((r) => setTimeout(r, openBy - Date.now() + 50));
    const before = (await review.get(order.id)).rounds[0];
    expect(before.stuck).toBe(true);
    expect(before.tasks.find((t) => t.department === 'QUALITY')).toMatchObject({ status: 'REQUESTED', overdue: true, escalatedAt: null });

    const deadlines = ctx.app.get(ReviewRequestDeadlines);
    expect(await escalateOverdue(ctx.dataSource, deadlines)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdue(ctx.dataSource, deadlines)).toBe(0);
    const stuck = (await review.get(order.id)).rounds[0];
    expect(stuck.stuck).toBe(true);
    expect(stuck.tasks.find((t) => t.department === 'QUALITY')).toMatchObject({ status: 'REQUESTED', overdue: true, escalatedTo: 'MANAGEMENT LEADER' });
    expect(stuck.tasks.filter((t) => t.escalatedAt !== null).map((t) => t.department)).toEqual(['QUALITY']);
    expect(await auditActions(ctx.dataSource.manager, order.id)).toContain('review.request-stuck');

    // The dead letter is replayed in quality: the task opens there, and sales' round goes on.
    await events.open(order.id, 1, 'QUALITY');
    const resumed = (await review.get(order.id)).rounds[0];
    expect(resumed.stuck).toBe(false);
    expect(resumed.tasks.find((t) => t.department === 'QUALITY')).toMatchObject({ status: 'OPEN', overdue: false, escalatedAt: null, escalatedTo: null });
    expect(await auditActions(ctx.dataSource.manager, order.id)).toEqual(expect.arrayContaining(['review.request-stuck', 'review.request-resumed']));
  });
});
