import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Between, DataSource, EntityManager, In } from 'typeorm';
import {
  addDays,
  isoDay,
  ProductionPlanCompletedV1,
  ProductionPlanDraftedV1,
  ProductionPlanReleasedV1,
  ProductionPlanRevisedV1,
  ProductionPlanStoppedV1,
  ProductionProblemRaisedV1,
  ProductionProblemResolvedV1,
  ProductionTaskProgressedV1,
  ProductionWorkReportedV1,
  type ProblemSeverity,
  type ProductionProblemKind,
  type ReviewTaskCompleted,
} from '@opm/contracts';
import { assertVersion, AuditLog, BusinessRuleProblem, ConflictProblem, NotFoundProblem, Outbox, type Page, type Principal } from '@opm/platform';
import type { ReceivedOrder } from '@opm/workflow';
import { CapacityLedger } from '../capacity/capacity-ledger';
import { Product } from '../catalog/product.entity';
import { PRODUCTION_CONFIG, type ProductionConfig } from '../config/production-config';
import { WorkCentreCalendarException } from '../work-centres/work-centre-calendar-exception.entity';
import { ratesOf } from '../work-centres/work-centre-rates';
import { WorkCentre } from '../work-centres/work-centre.entity';
import { actionRefusal, completionRefusal, controlMeasuresOf, holdsCapacity, type PlanAction, planCheckpoints, progressOutcome } from './plan-rules';
import { type Schedule, SCHEDULE_HORIZON_DAYS, scheduleForward } from './plan-scheduler';
import { OrderQualityMeasures, ProductionCheckpoint, ProductionPlan, ProductionProblem, ProductionTask } from './plan.entities';
import type { ProductionPlanView, ProductionProblemView } from './plan.view';

export interface PlanListQuery {
  orderId?: string;
  page: number;
  pageSize: number;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function problemView(p: ProductionProblem): ProductionProblemView {
  return {
    id: p.id,
    planId: p.planId,
    orderId: p.orderId,
    kind: p.kind,
    severity: p.severity,
    description: p.description,
    status: p.status,
    raisedBy: p.raisedBy,
    raisedAt: p.raisedAt.toISOString(),
    resolution: p.resolution,
    resolvedBy: p.resolvedBy,
    resolvedAt: iso(p.resolvedAt),
  };
}

/**
 * Production plans (R5.1): drafted when the issued order arrives, released, progressed, their problems raised and
 * resolved, completed or stopped. Each use case locks the plan row first, decides through the pure rules
 * (plan-rules.ts, plan-scheduler.ts), then writes the plan, its load ledger rows, its event and its audit entry
 * in one transaction.
 */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly ledger: CapacityLedger,
    @Inject(PRODUCTION_CONFIG) private readonly config: ProductionConfig,
  ) {}

  async list(query: PlanListQuery): Promise<Page<ProductionPlanView>> {
    const [plans, total] = await this.dataSource.getRepository(ProductionPlan).findAndCount({
      where: query.orderId ? { orderId: query.orderId } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const items: ProductionPlanView[] = [];
    for (const p of plans) items.push(await this.view(this.dataSource.manager, p));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<ProductionPlanView> {
    const plan = await this.dataSource.getRepository(ProductionPlan).findOneBy({ id });
    if (!plan) throw new NotFoundProblem(`production plan ${id} not found`);
    return this.view(this.dataSource.manager, plan);
  }

  /** The order's plan, or null before it is issued. */
  /** The order's plan; inside a caller's transaction `lock` takes the plan row first, as every plan change does. */
  async ofOrder(orderId: string, m: EntityManager = this.dataSource.manager, options: { lock?: boolean } = {}): Promise<ProductionPlanView | null> {
    const plan = await m.findOne(ProductionPlan, { where: { orderId }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    return plan ? this.view(m, plan) : null;
  }

  /**
   * Drafts the plan of an issued order (R5.1), in the transaction that records the issued version: scheduled
   * forward on the free hours of the work centres, with quality's control measures as checkpoints. Once per order.
   */
  async draft(m: EntityManager, order: ReceivedOrder, now = new Date()): Promise<void> {
    if (await m.findOneBy(ProductionPlan, { orderId: order.orderId })) return;
    await this.ledger.lockCentres(m);
    const today = isoDay(now);
    const schedule = await this.schedule(m, order, today, null);
    const measures = await m.findOneBy(OrderQualityMeasures, { orderId: order.orderId });
    const plan = m.create(ProductionPlan, {
      id: randomUUID(),
      orderId: order.orderId,
      orderNumber: order.number,
      status: 'DRAFT',
      version: 1,
      deliveryDate: order.deliveryDate,
      shippingDays: this.config.PRODUCTION_SHIPPING_DAYS,
      ...this.scheduleFields(schedule),
      quantityOrdered: order.lines.reduce((sum, l) => sum + l.quantity, 0),
      quantityProduced: null,
      completionReason: null,
      releasedBy: null,
      releasedAt: null,
      completedBy: null,
      completedAt: null,
      stoppedBy: null,
      stoppedAt: null,
      stopReason: null,
    });
    await m.insert(ProductionPlan, plan);
    const tasks = await this.insertTasks(m, plan.id, schedule);
    const checkpoints = await this.replaceCheckpoints(m, plan.id, measures?.measures ?? []);
    await this.ledger.hold(m, plan, schedule.allocations);
    await this.outbox.publish(m, ProductionPlanDraftedV1, { orderId: plan.orderId }, {
      orderId: plan.orderId,
      planId: plan.id,
      tasks: tasks.map((t) => ({ taskId: t.id, name: t.name, workCentre: t.workCentre, plannedStart: t.plannedStart.toISOString(), plannedEnd: t.plannedEnd.toISOString() })),
      checkpoints: checkpoints.map((c) => ({ name: c.name, source: c.source })),
      unplannedLines: schedule.unplannedLines.map((l) => l.lineNo),
      plannedEnd: schedule.plannedEnd,
      late: schedule.late,
      earliestDeliveryDate: schedule.earliestDeliveryDate,
      draftedAt: now.toISOString(),
    });
    const after = await this.view(m, plan);
    await this.audit.record(m, {
      action: 'plan.drafted',
      entityType: 'production-plan',
      entityId: plan.id,
      orderId: plan.orderId,
      reason: schedule.late ? `late: can deliver on ${schedule.earliestDeliveryDate}` : null,
      after,
    });
  }

  /** Schedules the draft again on today's free hours (its own old hours no longer count) (R5.1, R3.3). */
  async reschedule(id: string, actor: Principal, ifMatch: number | undefined): Promise<ProductionPlanView> {
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(m, id, 'reschedule', ifMatch);
      const before = await this.view(m, plan);
      await this.ledger.lockCentres(m);
      const order = { orderId: plan.orderId, deliveryDate: plan.deliveryDate, lines: await this.orderLines(m, plan.orderId) };
      const schedule = await this.schedule(m, order, isoDay(new Date()), plan.id);
      await m.delete(ProductionTask, { planId: plan.id });
      await this.insertTasks(m, plan.id, schedule);
      await m.update(ProductionPlan, { id: plan.id }, { ...this.scheduleFields(schedule), version: plan.version + 1 });
      await this.ledger.hold(m, plan, schedule.allocations);
      const checkpointCount = await m.countBy(ProductionCheckpoint, { planId: plan.id });
      await this.publishRevised(m, plan, 'RESCHEDULED', schedule, checkpointCount, actor.username);
      return this.finish(m, plan.id, 'plan.rescheduled', before, schedule.late ? `late: can deliver on ${schedule.earliestDeliveryDate}` : null);
    });
  }

  /**
   * What the order's plan would become if the order changed (R8.2): the plan as it stands and the proposed order
   * scheduled on today's free hours (the plan's own hours no longer count), without writing anything.
   */
  async preview(m: EntityManager, orderId: string, proposed: Pick<ReceivedOrder, 'orderId' | 'deliveryDate' | 'lines'>): Promise<{ plan: ProductionPlanView | null; schedule: Schedule }> {
    const plan = await this.ofOrder(orderId, m);
    const schedule = await this.schedule(m, proposed, isoDay(new Date()), plan?.id ?? null);
    return { plan, schedule };
  }

  /**
   * An applied change (R8.3): the plan is scheduled again for the changed order (quantities, delivery date) on today's
   * free hours; a task already done keeps its progress, every other task is planned anew. Once per version (the
   * caller's inbox); a finished or stopped plan is left as it is.
   */
  async replan(m: EntityManager, order: Pick<ReceivedOrder, 'orderId' | 'deliveryDate' | 'lines'>, version: number, by: string): Promise<void> {
    const plan = await m.findOne(ProductionPlan, { where: { orderId: order.orderId }, lock: { mode: 'pessimistic_write' } });
    if (!plan || !holdsCapacity(plan.status)) return;
    const before = await this.view(m, plan);
    await this.ledger.lockCentres(m);
    const schedule = await this.schedule(m, order, isoDay(new Date()), plan.id);
    const done = await m.find(ProductionTask, { where: { planId: plan.id } });
    await m.delete(ProductionTask, { planId: plan.id });
    const tasks = await this.insertTasks(m, plan.id, schedule);
    for (const t of tasks) {
      const kept = done.find((d) => d.lineNo === t.lineNo && d.name === t.name && d.status !== 'PLANNED');
      if (kept) await m.update(ProductionTask, { id: t.id }, { status: kept.status, progressPercent: kept.progressPercent, lastNote: kept.lastNote });
    }
    await m.update(ProductionPlan, { id: plan.id }, {
      ...this.scheduleFields(schedule),
      deliveryDate: order.deliveryDate,
      quantityOrdered: order.lines.reduce((sum, l) => sum + l.quantity, 0),
      version: plan.version + 1,
    });
    await this.ledger.hold(m, plan, schedule.allocations);
    const checkpointCount = await m.countBy(ProductionCheckpoint, { planId: plan.id });
    await this.publishRevised(m, plan, 'RESCHEDULED', schedule, checkpointCount, by);
    await this.finish(m, plan.id, 'plan.changed', before, `order version ${version}${schedule.late ? `; late: can deliver on ${schedule.earliestDeliveryDate}` : ''}`);
  }

  /**
   * Quality's review answer (R3.4): its control measures are kept with the order copy (the latest round wins);
   * a draft plan drafted before they arrived takes them as its checkpoints.
   */
  async applyQualityReview(m: EntityManager, review: ReviewTaskCompleted): Promise<void> {
    if (review.department !== 'QUALITY') return;
    const known = await m.findOne(OrderQualityMeasures, { where: { orderId: review.orderId }, lock: { mode: 'pessimistic_write' } });
    if (known && known.round > review.round) return;
    const measures = controlMeasuresOf(review.assessment.details);
    await m.upsert(OrderQualityMeasures, { orderId: review.orderId, round: review.round, measures }, ['orderId']);
    const plan = await m.findOne(ProductionPlan, { where: { orderId: review.orderId }, lock: { mode: 'pessimistic_write' } });
    if (!plan || actionRefusal(plan.status, 'update-checkpoints')) return;
    const before = await this.view(m, plan);
    const checkpoints = await this.replaceCheckpoints(m, plan.id, measures);
    await m.update(ProductionPlan, { id: plan.id }, { version: plan.version + 1 });
    const schedule = { plannedEnd: iso(plan.plannedEnd), late: plan.late, earliestDeliveryDate: plan.earliestDeliveryDate };
    await this.publishRevised(m, plan, 'CHECKPOINTS_UPDATED', schedule, checkpoints.length, review.reviewer);
    await this.finish(m, plan.id, 'plan.checkpoints-updated', before, `quality review round ${review.round}`);
  }

  /** The production head releases the draft (R5.1): sales moves the order IN_EXECUTION. One of two racing heads wins. */
  async release(id: string, actor: Principal, ifMatch: number | undefined): Promise<ProductionPlanView> {
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(m, id, 'release', ifMatch);
      const before = await this.view(m, plan);
      const now = new Date();
      await m.update(ProductionPlan, { id }, { status: 'RELEASED', version: plan.version + 1, releasedBy: actor.username, releasedAt: now });
      await this.ledger.restamp(m, id, 'RELEASED');
      await this.outbox.publish(m, ProductionPlanReleasedV1, { orderId: plan.orderId }, {
        orderId: plan.orderId,
        planId: id,
        releasedBy: actor.username,
        releasedAt: now.toISOString(),
        // A plan without tasks (only unplanned lines) ends when it is released.
        plannedEnd: (plan.plannedEnd ?? now).toISOString(),
        late: plan.late,
      });
      return this.finish(m, id, 'plan.released', before, null);
    });
  }

  /**
   * Progress on a task (R5.1): the plan is IN_PROGRESS from the first report, the task DONE at 100 %. Hours worked,
   * when reported, are announced with the task's work centre's rates as they are now (production.work.reported.v1,
   * finance's actual labour and overhead, R5.6), in the same transaction.
   */
  async progress(id: string, taskId: string, input: { progressPercent: number; note?: string | null; hoursWorked?: number }, actor: Principal): Promise<ProductionPlanView> {
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(m, id, 'progress', undefined);
      const task = await m.findOneBy(ProductionTask, { id: taskId, planId: id });
      if (!task) throw new NotFoundProblem(`task ${taskId} is not a task of production plan ${id}`);
      if (task.status === 'DONE') throw new ConflictProblem(`task ${task.name} is DONE`, { currentStatus: task.status, action: 'progress' });
      const before = await this.view(m, plan);
      const outcome = progressOutcome(input.progressPercent);
      const note = input.note ?? null;
      await m.update(ProductionTask, { id: taskId }, { progressPercent: input.progressPercent, status: outcome.taskStatus, lastNote: note });
      await m.update(ProductionPlan, { id }, { status: outcome.planStatus, version: plan.version + 1 });
      if (plan.status !== outcome.planStatus) await this.ledger.restamp(m, id, outcome.planStatus);
      await this.outbox.publish(m, ProductionTaskProgressedV1, { orderId: plan.orderId }, {
        orderId: plan.orderId,
        planId: id,
        taskId,
        taskName: task.name,
        progressPercent: input.progressPercent,
        status: outcome.taskStatus,
        planStatus: outcome.planStatus,
        note,
        reportedBy: actor.username,
        reportedAt: new Date().toISOString(),
      });
      if (input.hoursWorked !== undefined) await this.reportWork(m, plan, task, input.hoursWorked, actor);
      return this.finish(m, id, 'task.progressed', before, note);
    });
  }

  /** Hours worked on a task at its work centre's current rates (R5.6); the centre's row is read under a share lock. */
  private async reportWork(m: EntityManager, plan: ProductionPlan, task: ProductionTask, hoursWorked: number, actor: Principal): Promise<void> {
    const centre = await m.getRepository(WorkCentre).createQueryBuilder('c').setLock('pessimistic_read').where('c.code = :code', { code: task.workCentre }).getOne();
    if (!centre) throw new BusinessRuleProblem(`work centre ${task.workCentre} of task ${task.name} is unknown: its hours cannot be costed`, { field: 'hoursWorked' });
    const rates = ratesOf(centre);
    await this.outbox.publish(m, ProductionWorkReportedV1, { orderId: plan.orderId }, {
      orderId: plan.orderId,
      planId: plan.id,
      taskId: task.id,
      taskName: task.name,
      workCentre: centre.code,
      // A number validated to at most 2 decimals: its shortest decimal form is exactly what was sent.
      hours: String(hoursWorked),
      labourRatePerHour: rates.labourRatePerHour,
      overheadRatePerHour: rates.overheadRatePerHour,
      currency: rates.currency,
      reportedBy: actor.username,
      reportedAt: new Date().toISOString(),
    });
  }

  /** A problem with the plan (R5.1): kind and severity; an open one blocks completion. */
  async raiseProblem(
    id: string,
    input: { kind: ProductionProblemKind; severity: ProblemSeverity; description: string },
    actor: Principal,
    within?: EntityManager,
  ): Promise<ProductionProblemView> {
    // A consumer raises it in its inbox transaction (`within`), so the problem and the message's record commit together.
    const raise = async (m: EntityManager): Promise<ProductionProblemView> => {
      const plan = await this.lockPlan(m, id, 'raise-problem', undefined);
      const problem = m.create(ProductionProblem, {
        id: randomUUID(),
        planId: id,
        orderId: plan.orderId,
        kind: input.kind,
        severity: input.severity,
        description: input.description,
        status: 'OPEN',
        raisedBy: actor.username,
        raisedAt: new Date(),
        resolution: null,
        resolvedBy: null,
        resolvedAt: null,
      });
      await m.insert(ProductionProblem, problem);
      await m.update(ProductionPlan, { id }, { version: plan.version + 1 });
      await this.outbox.publish(m, ProductionProblemRaisedV1, { orderId: plan.orderId }, {
        orderId: plan.orderId,
        planId: id,
        problemId: problem.id,
        kind: problem.kind,
        severity: problem.severity,
        description: problem.description,
        raisedBy: actor.username,
        raisedAt: problem.raisedAt.toISOString(),
      });
      const after = problemView(problem);
      await this.audit.record(m, { action: 'problem.raised', entityType: 'production-problem', entityId: problem.id, orderId: plan.orderId, reason: problem.description, after });
      return after;
    };
    return within ? raise(within) : this.dataSource.transaction(raise);
  }

  /** Resolves an open problem with its resolution (R5.1). */
  async resolveProblem(problemId: string, input: { resolution: string }, actor: Principal): Promise<ProductionProblemView> {
    return this.dataSource.transaction(async (m) => {
      const found = await m.findOneBy(ProductionProblem, { id: problemId });
      if (!found) throw new NotFoundProblem(`production problem ${problemId} not found`);
      // The plan row first (lock order), then the problem as it stands under that lock.
      const plan = await this.lockPlan(m, found.planId, 'resolve-problem', undefined);
      const problem = await m.findOneByOrFail(ProductionProblem, { id: problemId });
      if (problem.status !== 'OPEN') throw new ConflictProblem(`problem ${problemId} is ${problem.status}`, { currentStatus: problem.status, action: 'resolve' });
      const before = problemView(problem);
      const resolvedAt = new Date();
      await m.update(ProductionProblem, { id: problemId }, { status: 'RESOLVED', resolution: input.resolution, resolvedBy: actor.username, resolvedAt });
      await m.update(ProductionPlan, { id: plan.id }, { version: plan.version + 1 });
      await this.outbox.publish(m, ProductionProblemResolvedV1, { orderId: plan.orderId }, {
        orderId: plan.orderId,
        planId: plan.id,
        problemId,
        resolution: input.resolution,
        resolvedBy: actor.username,
        resolvedAt: resolvedAt.toISOString(),
      });
      const after = problemView(await m.findOneByOrFail(ProductionProblem, { id: problemId }));
      await this.audit.record(m, { action: 'problem.resolved', entityType: 'production-problem', entityId: problemId, orderId: plan.orderId, reason: input.resolution, before, after });
      return after;
    });
  }

  /** Completion with the quantity produced (R5.1): refused while a problem is open or a task is not done. */
  async complete(id: string, input: { quantityProduced: number; reason?: string | null }, actor: Principal, ifMatch: number | undefined): Promise<ProductionPlanView> {
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(m, id, 'complete', ifMatch);
      const tasks = await m.find(ProductionTask, { where: { planId: id }, order: { seq: 'ASC' } });
      const openProblems = await m.find(ProductionProblem, { where: { planId: id, status: 'OPEN' }, order: { raisedAt: 'ASC' } });
      const refusal = completionRefusal({ quantityOrdered: plan.quantityOrdered, quantityProduced: input.quantityProduced, reason: input.reason, tasks, openProblems });
      if (refusal?.status === 409) throw new ConflictProblem(refusal.detail, { currentStatus: plan.status, action: 'complete' });
      if (refusal?.status === 422) throw new BusinessRuleProblem(refusal.detail, { errors: refusal.errors });
      const before = await this.view(m, plan);
      const now = new Date();
      await m.update(ProductionPlan, { id }, {
        status: 'COMPLETED',
        version: plan.version + 1,
        quantityProduced: input.quantityProduced,
        completionReason: input.reason?.trim() || null,
        completedBy: actor.username,
        completedAt: now,
      });
      const freed = await this.ledger.free(m, id, isoDay(now));
      await this.outbox.publish(m, ProductionPlanCompletedV1, { orderId: plan.orderId }, {
        orderId: plan.orderId,
        planId: id,
        quantityProduced: input.quantityProduced,
        completedBy: actor.username,
        completedAt: now.toISOString(),
      });
      return this.finish(m, id, 'plan.completed', before, freed > 0 ? `${freed} h of capacity freed` : null);
    });
  }

  /** Stops the plan (a head's decision, a cancellation): nothing more is produced and its remaining hours are free. */
  async stop(id: string, input: { reason: string }, actor: Principal, ifMatch: number | undefined): Promise<ProductionPlanView> {
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockPlan(m, id, 'stop', ifMatch);
      return this.stopLocked(m, plan, input.reason, actor.username);
    });
  }

  /**
   * An approved cancellation (R8.5), in the caller's inbox transaction: the order's plan STOPPED if it still runs. What
   * it did, for the confirmation: nothing to stop (no plan, already stopped) or a completed plan is done as well.
   */
  async stopForCancellation(m: EntityManager, orderId: string, reason: string, by: string): Promise<string> {
    const plan = await m.findOne(ProductionPlan, { where: { orderId }, lock: { mode: 'pessimistic_write' } });
    if (!plan) return 'no production plan: nothing to stop';
    if (actionRefusal(plan.status, 'stop')) return `plan ${plan.id} is ${plan.status}: nothing to stop`;
    await this.stopLocked(m, plan, reason, by);
    return `plan ${plan.id} STOPPED`;
  }

  private async stopLocked(m: EntityManager, plan: ProductionPlan, reason: string, by: string): Promise<ProductionPlanView> {
    const id = plan.id;
    const before = await this.view(m, plan);
    const now = new Date();
    await m.update(ProductionPlan, { id }, { status: 'STOPPED', version: plan.version + 1, stoppedBy: by, stoppedAt: now, stopReason: reason });
    const freed = await this.ledger.free(m, id, isoDay(now));
    await this.outbox.publish(m, ProductionPlanStoppedV1, { orderId: plan.orderId }, {
      orderId: plan.orderId,
      planId: id,
      reason,
      stoppedBy: by,
      stoppedAt: now.toISOString(),
    });
    return this.finish(m, id, 'plan.stopped', before, `${reason} (${freed} h of capacity freed)`);
  }

  /** The plan row, locked for the transaction; 404, a stale If-Match or a status the action does not allow is refused. */
  private async lockPlan(m: EntityManager, id: string, action: PlanAction, ifMatch: number | undefined): Promise<ProductionPlan> {
    const plan = await m.findOne(ProductionPlan, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!plan) throw new NotFoundProblem(`production plan ${id} not found`);
    assertVersion(`production plan ${id}`, plan.version, ifMatch);
    const refusal = actionRefusal(plan.status, action);
    if (refusal) throw new ConflictProblem(refusal, { currentStatus: plan.status, action });
    return plan;
  }

  /** The audit entry of a plan change (last in the transaction), and the plan as it now stands. */
  private async finish(m: EntityManager, id: string, action: string, before: ProductionPlanView, reason: string | null): Promise<ProductionPlanView> {
    const after = await this.view(m, await m.findOneByOrFail(ProductionPlan, { id }));
    await this.audit.record(m, { action, entityType: 'production-plan', entityId: id, orderId: after.orderId, reason, before, after });
    return after;
  }

  private async publishRevised(
    m: EntityManager,
    plan: ProductionPlan,
    change: 'RESCHEDULED' | 'CHECKPOINTS_UPDATED',
    schedule: Pick<Schedule, 'plannedEnd' | 'late' | 'earliestDeliveryDate'>,
    checkpointCount: number,
    by: string,
  ): Promise<void> {
    await this.outbox.publish(m, ProductionPlanRevisedV1, { orderId: plan.orderId }, {
      orderId: plan.orderId,
      planId: plan.id,
      change,
      plannedEnd: schedule.plannedEnd,
      late: schedule.late,
      earliestDeliveryDate: schedule.earliestDeliveryDate,
      checkpointCount,
      revisedBy: by,
      revisedAt: new Date().toISOString(),
    });
  }

  /** Reads what the scheduler needs (catalog, calendar, the ledger's days of the horizon) and schedules. */
  private async schedule(
    m: EntityManager,
    order: Pick<ReceivedOrder, 'orderId' | 'deliveryDate' | 'lines'>,
    today: string,
    planId: string | null,
  ): Promise<Schedule> {
    const horizonEnd = addDays(today, SCHEDULE_HORIZON_DAYS);
    const codes = [...new Set(order.lines.flatMap((l) => (l.productCode ? [l.productCode] : [])))];
    const products = codes.length > 0 ? await m.find(Product, { where: { code: In(codes) } }) : [];
    const centres = await m.find(WorkCentre);
    const exceptions = await m.find(WorkCentreCalendarException, { where: { date: Between(today, horizonEnd) } });
    const committed = await this.ledger.heldBetween(m, today, horizonEnd, planId);
    return scheduleForward({
      lines: order.lines,
      products: new Map(products.map((p) => [p.code, p])),
      centres: centres.map((c) => ({
        code: c.code,
        hoursPerDay: c.hoursPerDay,
        staff: c.staff,
        equipment: c.equipment,
        exceptions: new Map(exceptions.filter((e) => e.workCentre === c.code).map((e) => [e.date, e.hours])),
      })),
      committed,
      today,
      deliveryDate: order.deliveryDate,
      shippingDays: this.config.PRODUCTION_SHIPPING_DAYS,
    });
  }

  private scheduleFields(s: Schedule): Pick<ProductionPlan, 'deadline' | 'plannedEnd' | 'late' | 'earliestDeliveryDate' | 'unplannedLines'> {
    return { deadline: s.deadline, plannedEnd: s.plannedEnd ? new Date(s.plannedEnd) : null, late: s.late, earliestDeliveryDate: s.earliestDeliveryDate, unplannedLines: s.unplannedLines };
  }

  private async insertTasks(m: EntityManager, planId: string, schedule: Schedule): Promise<ProductionTask[]> {
    const tasks = schedule.tasks.map((t) =>
      m.create(ProductionTask, {
        id: randomUUID(),
        planId,
        seq: t.seq,
        lineNo: t.lineNo,
        name: t.name,
        workCentre: t.workCentre,
        hours: t.hours,
        staffCount: t.staffCount,
        equipment: t.equipment,
        plannedStart: new Date(t.plannedStart),
        plannedEnd: new Date(t.plannedEnd),
        status: 'PLANNED',
        progressPercent: 0,
        lastNote: null,
      }),
    );
    if (tasks.length > 0) await m.insert(ProductionTask, tasks);
    return tasks;
  }

  private async replaceCheckpoints(m: EntityManager, planId: string, measures: readonly string[]): Promise<ProductionCheckpoint[]> {
    await m.delete(ProductionCheckpoint, { planId });
    const checkpoints = planCheckpoints(measures).map((c, i) => m.create(ProductionCheckpoint, { id: randomUUID(), planId, seq: i + 1, name: c.name, source: c.source }));
    await m.insert(ProductionCheckpoint, checkpoints);
    return checkpoints;
  }

  private async orderLines(m: EntityManager, orderId: string): Promise<ReceivedOrder['lines']> {
    const rows: { lines: ReceivedOrder['lines'] }[] = await m.query(`SELECT lines FROM received_order WHERE "orderId" = $1`, [orderId]);
    return rows[0]?.lines ?? [];
  }

  private async view(m: EntityManager, p: ProductionPlan): Promise<ProductionPlanView> {
    const tasks = await m.find(ProductionTask, { where: { planId: p.id }, order: { seq: 'ASC' } });
    const checkpoints = await m.find(ProductionCheckpoint, { where: { planId: p.id }, order: { seq: 'ASC' } });
    const problems = await m.find(ProductionProblem, { where: { planId: p.id }, order: { raisedAt: 'ASC', id: 'ASC' } });
    return {
      id: p.id,
      orderId: p.orderId,
      orderNumber: p.orderNumber,
      status: p.status,
      version: p.version,
      deliveryDate: p.deliveryDate,
      shippingDays: p.shippingDays,
      deadline: p.deadline,
      plannedEnd: iso(p.plannedEnd),
      late: p.late,
      earliestDeliveryDate: p.earliestDeliveryDate,
      tasks: tasks.map((t) => ({
        id: t.id,
        seq: t.seq,
        lineNo: t.lineNo,
        name: t.name,
        workCentre: t.workCentre,
        hours: t.hours,
        resources: { workCentre: t.workCentre, staffCount: t.staffCount, equipment: t.equipment },
        plannedStart: t.plannedStart.toISOString(),
        plannedEnd: t.plannedEnd.toISOString(),
        status: t.status,
        progressPercent: t.progressPercent,
        lastNote: t.lastNote,
      })),
      checkpoints: checkpoints.map((c) => ({ id: c.id, name: c.name, source: c.source })),
      problems: problems.map(problemView),
      unplannedLines: p.unplannedLines,
      quantityOrdered: p.quantityOrdered,
      quantityProduced: p.quantityProduced,
      completionReason: p.completionReason,
      releasedBy: p.releasedBy,
      releasedAt: iso(p.releasedAt),
      completedBy: p.completedBy,
      completedAt: iso(p.completedAt),
      stoppedBy: p.stoppedBy,
      stoppedAt: iso(p.stoppedAt),
      stopReason: p.stopReason,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}
