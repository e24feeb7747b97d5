import { addDays, isoDay, ReviewTaskCompletedV1, SalesOrderIssuedV1, SalesOrderReceivedV1 } from '@opm/contracts';
import type { Principal } from '@opm/platform';
import type { AppContext } from '@opm/testing';
import { CapacityLedger } from '../capacity/capacity-ledger';
import { ProductionCapacityAssessor } from '../review/production.assessor';
import { WorkCentreCapacity } from '../review/capacity-assessment';
import { deliver, issuedPayload, orderSnapshot, startProduction } from '../test/production-context';
import { TechnicalIssuesService } from '../technical-issues/technical-issues.service';
import { WorkCentresService } from '../work-centres/work-centres.service';
import { FINAL_CHECK } from './plan-rules';
import { PlansService } from './plans.service';

const head: Principal = { username: 'production.head', department: 'PRODUCTION', role: 'HEAD' };
const head2: Principal = { username: 'production.head2', department: 'PRODUCTION', role: 'HEAD' };
const staff: Principal = { username: 'production.staff', department: 'PRODUCTION', role: 'STAFF' };
const MEASURE = '100% dimensional inspection of line 1 (P-100) against ISO 2768-m general tolerances, results recorded per lot';

const qualityAnswer = (orderId: string, round: number, controlMeasures: string[]) => ({
  orderId,
  round,
  department: 'QUALITY' as const,
  taskId: '00000000-0000-4000-8000-00000000000a',
  conclusion: 'PASS' as const,
  opinion: 'attainable',
  proposals: [],
  assessment: { clear: true, summary: 'attainable', reasons: [], proposals: [], details: { controlMeasures } },
  reviewer: 'quality.head',
  reviewerRole: 'HEAD',
  autoConfirmed: false,
  decidedAt: new Date().toISOString(),
});

/** Production plans against the real PostgreSQL, the issued order fed through the department kit's inbox consumer. */
describe('production plans (PostgreSQL)', () => {
  let ctx: AppContext;
  let plans: PlansService;
  let seq = 0;

  beforeAll(async () => {
    ctx = await startProduction('production_plans');
    plans = ctx.app.get(PlansService);
  });
  afterAll(() => ctx?.close());

  /** An order received, reviewed by quality (optionally) and issued, as the events arrive. */
  const issue = async (lines = [{}], measures: string[] | null = [MEASURE], days = 120) => {
    const order = orderSnapshot(`SO-2026-${String(900000 + ++seq)}`, lines, days);
    await deliver(ctx, SalesOrderReceivedV1, order, order.orderId);
    if (measures) await deliver(ctx, ReviewTaskCompletedV1, qualityAnswer(order.orderId, 1, measures), order.orderId);
    const issued = await deliver(ctx, SalesOrderIssuedV1, issuedPayload(order), order.orderId);
    return { order, issued };
  };
  const planOf = async (orderId: string) => {
    const plan = await plans.ofOrder(orderId);
    if (!plan) throw new Error(`no plan for ${orderId}`);
    return plan;
  };
  const outboxTypes = async (orderId: string): Promise<string[]> =>
    ((await ctx.dataSource.query(`SELECT value->>'type' AS type FROM outbox WHERE message_key = $1 ORDER BY seq`, [orderId])) as { type: string }[]).map((r) => r.type);

  it('R5.1 the issued order, fed through the inbox, drafts the plan: catalog tasks on the work centres, quality checkpoints, hours in the ledger', async () => {
    const { order, issued } = await issue();
    const plan = await planOf(order.orderId);
    const today = isoDay(new Date());
    expect(plan).toMatchObject({ status: 'DRAFT', version: 1, orderNumber: order.number, quantityOrdered: 100, late: false, shippingDays: 3, deadline: addDays(order.deliveryDate as string, -3) });
    // 100 x P-100: 20 h of MACHINING (16 h a day), then 5 h of ASSEMBLY the day after.
    expect(plan.tasks.map((t) => [t.name, t.workCentre, t.hours, t.status, t.resources.staffCount, t.plannedStart.slice(0, 10)])).toEqual([
      ['line 1 P-100 Steel flange DN100: MACHINING', 'MACHINING', 20, 'PLANNED', 2, today],
      ['line 1 P-100 Steel flange DN100: ASSEMBLY', 'ASSEMBLY', 5, 'PLANNED', 4, addDays(today, 2)],
    ]);
    expect(plan.tasks[0].resources.equipment.length).toBeGreaterThan(0);
    expect(plan.checkpoints.map((c) => [c.name, c.source])).toEqual([
      [MEASURE, 'QUALITY_REVIEW'],
      [FINAL_CHECK, 'STANDARD'],
    ]);
    expect(await ctx.app.get(CapacityLedger).heldBy(ctx.dataSource.manager, plan.id)).toEqual([
      { workCentre: 'MACHINING', date: today, hours: 16 },
      { workCentre: 'MACHINING', date: addDays(today, 1), hours: 4 },
      { workCentre: 'ASSEMBLY', date: addDays(today, 2), hours: 5 },
    ]);
    expect(await outboxTypes(order.orderId)).toEqual(['production.plan.drafted', 'order.issue.acknowledged']);
    const audit = (await ctx.dataSource.query(`SELECT action FROM audit_entry WHERE order_id = $1 ORDER BY seq`, [order.orderId])) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['order.received', 'plan.drafted', 'order.issue-acknowledged']);

    // A redelivery is a no-op (inbox): still one plan, one drafted event.
    await deliver(ctx, SalesOrderIssuedV1, issuedPayload(order), order.orderId, issued);
    expect((await plans.list({ orderId: order.orderId, page: 1, pageSize: 10 })).total).toBe(1);
    expect(await outboxTypes(order.orderId)).toEqual(['production.plan.drafted', 'order.issue.acknowledged']);
  });

  it('R5.1 R3.3 the next plan is scheduled on the hours the earlier plans left; an over-tight date is flagged late with the date it can make', async () => {
    const first = await planOf((await issue([{ productCode: 'P-400', quantity: 100 }])).order.orderId); // 80 h of MACHINING
    const second = await planOf((await issue([{ productCode: 'P-400', quantity: 20 }], null, 4)).order.orderId); // 16 h, delivery in 4 days
    expect(second.tasks[0].plannedStart > first.tasks[0].plannedStart).toBe(true);
    expect(second).toMatchObject({ late: true, checkpoints: [{ name: FINAL_CHECK, source: 'STANDARD' }] });
    expect(second.earliestDeliveryDate && second.earliestDeliveryDate > (second.deliveryDate as string)).toBe(true);
    await plans.stop(first.id, { reason: 'test cleanup' }, head, undefined);
    await plans.stop(second.id, { reason: 'test cleanup' }, head, undefined);
  });

  it('R5.1 two production heads releasing at once: one wins, the other gets 409 naming the status', async () => {
    const plan = await planOf((await issue()).order.orderId);
    const results = await Promise.allSettled([plans.release(plan.id, head, undefined), plans.release(plan.id, head2, undefined)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ status: 409, response: { currentStatus: 'RELEASED', action: 'release' } });
    expect((await outboxTypes(plan.orderId)).filter((t) => t === 'production.plan.released')).toHaveLength(1);
    // A stale If-Match is refused too.
    await expect(plans.stop(plan.id, { reason: 'stale' }, head, 1)).rejects.toMatchObject({ status: 409, response: { currentVersion: 2 } });
    await plans.stop(plan.id, { reason: 'test cleanup' }, head, 2);
  });

  it('R5.1 progress, an open problem blocking completion, resolution, overproduction needing a reason, completion; a stopped plan refuses with its status', async () => {
    const plan = await planOf((await issue()).order.orderId);
    await expect(plans.progress(plan.id, plan.tasks[0].id, { progressPercent: 10 }, staff)).rejects.toMatchObject({ status: 409, response: { currentStatus: 'DRAFT' } });
    await plans.release(plan.id, head, undefined);
    const started = await plans.progress(plan.id, plan.tasks[0].id, { progressPercent: 40, note: 'first 40 turned' }, staff);
    expect(started).toMatchObject({ status: 'IN_PROGRESS', tasks: [{ status: 'IN_PROGRESS', progressPercent: 40, lastNote: 'first 40 turned' }, { status: 'PLANNED' }] });
    await expect(plans.progress(plan.id, '00000000-0000-4000-8000-000000000000', { progressPercent: 10 }, staff)).rejects.toMatchObject({ status: 404 });
    const problem = await plans.raiseProblem(plan.id, { kind: 'EQUIPMENT_FAILURE', severity: 'MAJOR', description: 'spindle bearing failed' }, staff);
    expect(problem).toMatchObject({ status: 'OPEN', severity: 'MAJOR' });
    for (const t of plan.tasks) await plans.progress(plan.id, t.id, { progressPercent: 100 }, staff);
    await expect(plans.complete(plan.id, { quantityProduced: 100 }, head, undefined)).rejects.toMatchObject({ status: 409, response: { detail: expect.stringContaining('MAJOR spindle bearing failed') } });
    await plans.resolveProblem(problem.id, { resolution: 'bearing replaced' }, staff);
    await expect(plans.resolveProblem(problem.id, { resolution: 'again' }, staff)).rejects.toMatchObject({ status: 409 });
    await expect(plans.complete(plan.id, { quantityProduced: 102 }, head, undefined)).rejects.toMatchObject({ status: 422, response: { errors: [{ field: 'reason' }] } });
    const completed = await plans.complete(plan.id, { quantityProduced: 102, reason: 'two spares agreed' }, head, undefined);
    expect(completed).toMatchObject({ status: 'COMPLETED', quantityProduced: 102, completionReason: 'two spares agreed', completedBy: 'production.head' });
    expect(await ctx.app.get(CapacityLedger).heldBy(ctx.dataSource.manager, plan.id)).toEqual([]);
    expect(await outboxTypes(plan.orderId)).toEqual([
      'production.plan.drafted',
      'order.issue.acknowledged',
      'production.plan.released',
      'production.task.progressed',
      'production.problem.raised',
      'production.task.progressed',
      'production.task.progressed',
      'production.problem.resolved',
      'production.plan.completed',
    ]);

    const stopped = await planOf((await issue()).order.orderId);
    await plans.stop(stopped.id, { reason: 'order cancelled' }, head, undefined);
    await expect(plans.release(stopped.id, head, undefined)).rejects.toMatchObject({ status: 409, response: { currentStatus: 'STOPPED', detail: expect.stringContaining('the plan is STOPPED') } });
    await expect(plans.raiseProblem(stopped.id, { kind: 'OTHER', severity: 'MINOR', description: 'x' }, staff)).rejects.toMatchObject({ status: 409, response: { currentStatus: 'STOPPED' } });
  });

  it("R5.6 hours worked are announced with the task's work centre's rates in the progress report's transaction; a refused report announces nothing", async () => {
    const plan = await planOf((await issue()).order.orderId);
    await plans.release(plan.id, head, undefined);
    const [machining, assembly] = plan.tasks;
    const centres = ctx.app.get(WorkCentresService);
    await centres.setRates(machining.workCentre, { labourRatePerHour: '42.35', overheadRatePerHour: '18.85', currency: 'CNY' });
    const assemblyRates = await centres.get(assembly.workCentre);
    await plans.progress(plan.id, machining.id, { progressPercent: 50, hoursWorked: 7.25 }, staff);
    await plans.progress(plan.id, machining.id, { progressPercent: 60 }, staff);
    await centres.setRates(machining.workCentre, { labourRatePerHour: '45.00', overheadRatePerHour: '20.00', currency: 'CNY' });
    await plans.progress(plan.id, machining.id, { progressPercent: 100, hoursWorked: 3.3 }, staff);
    await plans.progress(plan.id, assembly.id, { progressPercent: 100, hoursWorked: 0.05 }, staff);
    // A DONE task refuses the report (409): neither its progress nor its hours are announced.
    await expect(plans.progress(plan.id, machining.id, { progressPercent: 100, hoursWorked: 2 }, staff)).rejects.toMatchObject({ status: 409 });

    const reports = (await ctx.dataSource.query(
      `SELECT value->'payload' AS p FROM outbox WHERE message_key = $1 AND value->>'type' = 'production.work.reported' ORDER BY seq`,
      [plan.orderId],
    )) as { p: Record<string, string> }[];
    expect(reports.map((r) => [r.p.taskId, r.p.workCentre, r.p.hours, r.p.labourRatePerHour, r.p.overheadRatePerHour, r.p.currency])).toEqual([
      [machining.id, machining.workCentre, '7.25', '42.35', '18.85', 'CNY'],
      [machining.id, machining.workCentre, '3.3', '45.00', '20.00', 'CNY'],
      [assembly.id, assembly.workCentre, '0.05', assemblyRates.labourRatePerHour, assemblyRates.overheadRatePerHour, assemblyRates.rateCurrency],
    ]);
    expect(reports.every((r) => r.p.planId === plan.id && r.p.orderId === plan.orderId && r.p.reportedBy === 'production.staff')).toBe(true);
    // Each report's hours follow the progress event of the same request: one transaction.
    expect((await outboxTypes(plan.orderId)).slice(3)).toEqual([
      'production.task.progressed',
      'production.work.reported',
      'production.task.progressed',
      'production.task.progressed',
      'production.work.reported',
      'production.task.progressed',
      'production.work.reported',
    ]);
  });

  it("R3.3 the capacity review counts an issued order's plan as load from the ledger, and no longer once the plan is stopped", async () => {
    const assessor = ctx.app.get(ProductionCapacityAssessor);
    const probe = orderSnapshot('SO-2026-999999', [{ productCode: 'P-400', quantity: 10 }], 10);
    const machining = async () => {
      const a = await ctx.dataSource.transaction((m) => assessor.assess(m, { ...probe, round: 1 } as never, { round: 1, major: false, now: new Date() }));
      return (a.details.perWorkCentre as WorkCentreCapacity[]).find((c) => c.workCentre === 'MACHINING');
    };
    const before = await machining();
    const { order } = await issue([{ productCode: 'P-400', quantity: 50 }]); // 40 h of MACHINING within the probe's window
    const plan = await planOf(order.orderId);
    const held = await machining();
    expect((held?.committedHours ?? 0) - (before?.committedHours ?? 0)).toBe(40);
    expect(held?.committedOrders).toContain(order.number);
    await plans.stop(plan.id, { reason: 'customer cancelled' }, head, undefined);
    expect(await ctx.app.get(CapacityLedger).heldBy(ctx.dataSource.manager, plan.id)).toEqual([]);
    const freed = await machining();
    expect(freed?.committedHours).toBe(before?.committedHours);
    expect(freed?.committedOrders).not.toContain(order.number);
  });

  it("R5.1 R3.4 quality's review arriving after the draft updates a draft plan's checkpoints; a later round wins", async () => {
    const { order } = await issue([{}], null);
    expect((await planOf(order.orderId)).checkpoints.map((c) => c.source)).toEqual(['STANDARD']);
    await deliver(ctx, ReviewTaskCompletedV1, qualityAnswer(order.orderId, 2, [MEASURE, 'EN 10204 3.1 certificate per lot']), order.orderId);
    await deliver(ctx, ReviewTaskCompletedV1, qualityAnswer(order.orderId, 1, ['an old round']), order.orderId);
    const plan = await planOf(order.orderId);
    expect(plan.checkpoints.map((c) => c.name)).toEqual([MEASURE, 'EN 10204 3.1 certificate per lot', FINAL_CHECK]);
    expect(plan.version).toBe(2);
    expect(await outboxTypes(order.orderId)).toContain('production.plan.revised');
  });

  it('R5.4 a technical issue is raised on a known order, listed while open, answered once by engineering', async () => {
    const issues = ctx.app.get(TechnicalIssuesService);
    const { order } = await issue();
    await expect(issues.raise({ orderId: '00000000-0000-4000-8000-000000000000', question: 'q' }, staff)).rejects.toMatchObject({ status: 422, response: { errors: [{ field: 'orderId' }] } });
    const raised = await issues.raise({ orderId: order.orderId, question: 'May line 1 use 316L?' }, { username: 'quality.head', department: 'QUALITY', role: 'HEAD' });
    expect(raised).toMatchObject({ status: 'OPEN', raisedBy: 'quality.head', raisedByDepartment: 'QUALITY' });
    expect((await issues.openOf(order.orderId)).map((i) => i.id)).toEqual([raised.id]);
    const answered = await issues.answer(raised.id, { answer: 'Yes.' }, { username: 'technical.head', department: 'TECHNICAL', role: 'HEAD' });
    expect(answered).toMatchObject({ status: 'ANSWERED', answer: 'Yes.', answeredBy: 'technical.head' });
    await expect(issues.answer(raised.id, { answer: 'again' }, { username: 'technical.head', department: 'TECHNICAL', role: 'HEAD' })).rejects.toMatchObject({ status: 409 });
    expect(await issues.openOf(order.orderId)).toEqual([]);
    expect((await issues.list({ orderId: order.orderId, status: 'ANSWERED', page: 1, pageSize: 10 })).total).toBe(1);
  });
});
