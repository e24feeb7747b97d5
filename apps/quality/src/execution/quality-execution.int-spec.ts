import { randomUUID } from 'node:crypto';
import type { ReviewOrderSnapshot } from '@opm/contracts';
import type { Principal } from '@opm/platform';
import { AppContext, reviewOrder, startAppContext } from '@opm/testing';
import { ReceivedOrder, ReviewTasksService } from '@opm/workflow';
import { QualityAppModule } from '../app.module';
import { InspectionPlanDrafter } from '../inspection-plans/inspection-plan.drafter';
import { InspectionPlansService } from '../inspection-plans/inspection-plans.service';
import { InspectionsService } from '../inspections/inspections.service';
import { NonconformancesService } from '../nonconformances/nonconformances.service';
import { QualityOrderPart } from '../results/quality-order.part';
import { StandardsService } from '../standards/standards.service';

const head: Principal = { username: 'quality.head', department: 'QUALITY', role: 'HEAD' };
const staff: Principal = { username: 'quality.staff', department: 'QUALITY', role: 'STAFF' };
const year = new Date().getUTCFullYear();

/** Quality's execution against the real PostgreSQL: plan at issuance, inspections, nonconformances, results announced. */
describe('quality execution (PostgreSQL)', () => {
  let ctx: AppContext;
  let inspections: InspectionsService;
  let nonconformances: NonconformancesService;

  beforeAll(async () => {
    ctx = await startAppContext('quality', (config) => QualityAppModule.register(config), {
      database: 'quality_execution',
      env: { REVIEW_AUTO_CONFIRM: 'true', REVIEW_SCAN_MS: '3600000' },
    });
    inspections = ctx.app.get(InspectionsService);
    nonconformances = ctx.app.get(NonconformancesService);
    await ctx.dataSource.transaction((m) =>
      ctx.app.get(StandardsService).insertIfMissing(m, { productCode: 'P-100', attainableStandards: ['ISO 2768-m', 'EN 10204 3.1'], inspectionNotes: 'flatness on every 10th flange' }),
    );
  });
  afterAll(() => ctx?.close());

  /** What the department kit does with the order's events: its copy, the quality review, then the issue. */
  const received = async (issue = true): Promise<ReviewOrderSnapshot> => {
    const order = reviewOrder(
      { orderId: randomUUID(), number: `SO-${year}-${String(Math.floor(Math.random() * 999_999)).padStart(6, '0')}`, specialRequirements: { customization: null, packaging: 'export crate', transportMode: null, other: 'ISO 2768-m, EN 10204 3.1 certificate' } },
      [{}, { productCode: null, productName: 'Custom bracket', specification: '304 steel' }],
    );
    await ctx.dataSource.transaction(async (m) => {
      const { orderId, number, customerId, deliveryDate, currency, totalAmount, lines, specialRequirements } = order;
      await m.insert(ReceivedOrder, { orderId, number, customerId, deliveryDate, currency, totalAmount, lines, specialRequirements, sourceEventId: randomUUID() });
      await ctx.app.get(ReviewTasksService).open(m, { orderId, number, round: 1, major: false, order });
    });
    // Line 2 is free text, so the review is not clear: the head passes it (line 1's standards are attained).
    await ctx.app.get(ReviewTasksService).answer(order.orderId, 'QUALITY', { conclusion: 'PASS', opinion: 'line 2 inspected as first article' }, head);
    if (issue) {
      await ctx.dataSource.transaction(async (m) => {
        await m.update(ReceivedOrder, { orderId: order.orderId }, { issuedAt: new Date(), signedBy: 'sales.head', documentHash: 'a'.repeat(64) });
        await ctx.app.get(InspectionPlanDrafter).afterOrderIssued(m, await m.findOneByOrFail(ReceivedOrder, { orderId: order.orderId }));
      });
    }
    return order;
  };
  const outbox = async (orderId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> =>
    ctx.dataSource.query(`SELECT value->>'type' AS type, value->'payload' AS payload FROM outbox WHERE message_key = $1 ORDER BY seq`, [orderId]);
  const results = async (orderId: string) => (await outbox(orderId)).filter((e) => e.type === 'quality.order.results-changed').map((e) => e.payload);
  const audit = async (orderId: string): Promise<string[]> =>
    (await ctx.dataSource.query(`SELECT action FROM audit_entry WHERE order_id = $1 ORDER BY seq`, [orderId])).map((r: { action: string }) => r.action);
  const inspect = (orderId: string, result: 'PASS' | 'FAIL', stage: 'INCOMING' | 'IN_PROCESS' | 'FINAL' = 'FINAL', findings: string | null = result === 'FAIL' ? 'bolt circle out of tolerance' : null) =>
    inspections.record({ orderId, stage, lot: `LOT-${randomUUID().slice(0, 6)}`, quantityInspected: 20, result, findings }, staff);

  it('R5.3 the inspection plan is drafted at issuance from the lines, the standards attained in review and their control measures', async () => {
    const order = await received();
    const page = await ctx.app.get(InspectionPlansService).list({ orderId: order.orderId, page: 1, pageSize: 50 });
    expect(page.total).toBe(1);
    const plan = page.items[0];
    expect(plan.reviewTaskId).not.toBeNull();
    expect(plan.items.filter((i) => i.source === 'REVIEW').map((i) => [i.lineNo, i.characteristic, i.stage])).toEqual([
      [1, 'general tolerances to ISO 2768-m', 'IN_PROCESS'],
      [1, 'inspection document EN 10204 3.1', 'FINAL'],
    ]);
    expect(plan.items.find((i) => i.source === 'PRODUCT')).toMatchObject({ lineNo: 1, method: 'flatness on every 10th flange' });
    expect(plan.items.filter((i) => i.lineNo === 2).map((i) => i.stage)).toEqual(['INCOMING', 'IN_PROCESS', 'FINAL']);
    expect(plan.items.some((i) => i.characteristic === 'packaging as ordered')).toBe(true);
    expect(await ctx.app.get(InspectionPlansService).get(plan.id)).toEqual(plan);
    // Quality's part of the combined view: the plan and results with nothing inspected yet.
    expect(await ctx.app.get(QualityOrderPart).partOf(order.orderId)).toEqual({
      plan,
      results: { revision: 0, inspectionsPassed: 0, inspectionsFailed: 0, finalInspectionPassed: false, openNonconformances: 0, changedAt: null },
      nonconformances: [],
    });
    expect(await audit(order.orderId)).toContain('inspection-plan.drafted');
  });

  it('R5.3 R1.1 a failed lot raises a numbered nonconformance; closing needs a disposition; each change is announced with the next revision', async () => {
    const order = await received();
    const failed = await inspect(order.orderId, 'FAIL');
    expect(failed.report).toBeNull();
    expect(failed.nonconformance?.number).toMatch(new RegExp(`^NC-${year}-\\d{6}$`));
    const ncId = failed.nonconformance?.id as string;
    expect(await results(order.orderId)).toEqual([expect.objectContaining({ revision: 1, inspectionsFailed: 1, finalInspectionPassed: false, openNonconformances: 1 })]);

    // Closing without a disposition: 422 naming it, nothing changes.
    await expect(nonconformances.close(ncId, head, undefined)).rejects.toMatchObject({ status: 422, response: { errors: [{ field: 'disposition', message: 'required before closing' }] } });
    const dispositioned = await nonconformances.disposition(ncId, { disposition: 'SCRAP', note: 'scrap the lot' }, head, undefined);
    expect(dispositioned).toMatchObject({ status: 'DISPOSITIONED', disposition: 'SCRAP', dispositionedBy: 'quality.head' });
    // A stale If-Match is refused; the head may change the disposition until closing.
    await expect(nonconformances.disposition(ncId, { disposition: 'REWORK', note: 'rework' }, head, dispositioned.version - 1)).rejects.toMatchObject({ status: 409 });
    const changed = await nonconformances.disposition(ncId, { disposition: 'REWORK', note: 're-drill, then re-inspect 100%' }, head, dispositioned.version);
    expect(changed).toMatchObject({ disposition: 'REWORK', version: dispositioned.version + 1 });
    // A disposition is not a change of results: still one announcement.
    expect(await results(order.orderId)).toHaveLength(1);

    const closed = await nonconformances.close(ncId, head, undefined);
    expect(closed).toMatchObject({ status: 'CLOSED', closedBy: 'quality.head', disposition: 'REWORK' });
    await expect(nonconformances.disposition(ncId, { disposition: 'SCRAP', note: 'too late' }, head, undefined)).rejects.toMatchObject({
      status: 422,
      response: { errors: [{ field: 'disposition', message: expect.stringContaining('closed') }] },
    });
    await expect(nonconformances.close(ncId, head, undefined)).rejects.toMatchObject({ status: 409, response: { currentStatus: 'CLOSED' } });

    const passed = await inspect(order.orderId, 'PASS');
    expect(passed.report?.number).toMatch(new RegExp(`^IR-${year}-\\d{6}$`));
    expect(passed.nonconformance).toBeNull();
    expect((await results(order.orderId)).map((r) => [r.revision, r.inspectionsPassed, r.inspectionsFailed, r.finalInspectionPassed, r.openNonconformances])).toEqual([
      [1, 0, 1, false, 1],
      [2, 0, 1, false, 0],
      [3, 1, 1, true, 0],
    ]);
    expect((await outbox(order.orderId)).map((e) => e.type)).toEqual([
      'review.task.opened',
      'review.task.completed',
      'quality.nonconformance.raised',
      'quality.inspection.recorded',
      'quality.order.results-changed',
      'quality.nonconformance.dispositioned',
      'quality.nonconformance.dispositioned',
      'quality.nonconformance.closed',
      'quality.order.results-changed',
      'quality.inspection.recorded',
      'quality.order.results-changed',
    ]);
    expect((await audit(order.orderId)).filter((a) => a.startsWith('inspection.') || a.startsWith('nonconformance.'))).toEqual([
      'inspection.recorded',
      'nonconformance.raised',
      'nonconformance.dispositioned',
      'nonconformance.dispositioned',
      'nonconformance.closed',
      'inspection.recorded',
    ]);
    const part = await ctx.app.get(QualityOrderPart).partOf(order.orderId);
    expect(part?.results).toMatchObject({ revision: 3, inspectionsPassed: 1, inspectionsFailed: 1, finalInspectionPassed: true, openNonconformances: 0 });
    expect(part?.nonconformances.map((n) => [n.number, n.status])).toEqual([[failed.nonconformance?.number, 'CLOSED']]);
  });

  it('R5.3 an inspection for an order quality never received is 404, for one not issued to quality 409; nothing is written', async () => {
    await expect(inspect(randomUUID(), 'PASS')).rejects.toMatchObject({ status: 404, response: { detail: expect.stringContaining('has not reached quality') } });
    const order = await received(false);
    await expect(inspect(order.orderId, 'FAIL')).rejects.toMatchObject({ status: 409, response: { detail: expect.stringContaining('has not been issued to quality yet') } });
    expect((await outbox(order.orderId)).map((e) => e.type)).toEqual(['review.task.opened', 'review.task.completed']);
    expect(await ctx.app.get(QualityOrderPart).partOf(order.orderId)).toBeNull();
  });

  it('R5.3 concurrent inspections of one order queue on its results row: distinct gap-free report numbers, consecutive revisions', async () => {
    const order = await received();
    const done = await Promise.all(Array.from({ length: 6 }, (_, i) => inspect(order.orderId, 'PASS', i % 2 ? 'IN_PROCESS' : 'INCOMING')));
    const numbers = done.map((d) => Number(d.report?.number.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 6 }, (_, i) => numbers[0] + i));
    expect((await results(order.orderId)).map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await results(order.orderId)).at(-1)).toMatchObject({ inspectionsPassed: 6, finalInspectionPassed: false });
  });
});
