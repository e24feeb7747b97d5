import { BadRequestException, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  APPROVAL_STEPS,
  CANCELLING_DEPARTMENTS,
  type OrderCancellationConfirmed,
  SalesOrderCancellationApprovedV1,
  type ApprovalStep,
  type ChangeImpactAssessed,
  type ChangeKind,
  IMPACT_DEPARTMENTS,
  type ImpactDepartment,
  isoDay,
  multiplyMoney,
  type RequestedChanges,
  SalesOrderChangedV1,
  SalesOrderChangeRequestedV1,
  sumMoney,
} from '@opm/contracts';
import { AuditLog, ConflictProblem, NotFoundProblem, Outbox, type Principal, ProblemException } from '@opm/platform';
import { authorityFor } from '../config/approval-authority';
import { SALES_CONFIG, type SalesConfig } from '../config/sales-config';
import { OrderFacts } from '../lifecycle/order-facts';
import { OrderLifecycle } from '../lifecycle/order-lifecycle.service';
import { hasShipped, isChangeable, type OrderAction } from '../lifecycle/order-state-machine';
import { orderSnapshot, toOrderView } from '../lifecycle/order-view';
import { OrderLine } from '../lifecycle/order-line.entity';
import type { Order } from '../lifecycle/order.entity';
import { OrderRepository } from '../lifecycle/order.repository';
import { cancellationProgress, chainOutcome, impactDepartments, lossOf, proposeChange, reviewOutcome, stepRefusal } from './change-rules';
import { CancellationStep, ChangeApproval, ChangeImpact, ChangeRequest, OrderVersion } from './change-request.entities';
import { type ChangeRequestListView, type ChangeRequestView, type OrderVersionsView, toChangeRequestView, versionEntry } from './change-view';
import type { ImpactAnswerDto } from './dto/change-request.dto';

/** The actions an open request refuses (R8.3): every other change of the order; progress still flows. */
const LOCKED_ACTIONS: OrderAction[] = ['issue', 'supplyInfo', 'revise'];

/**
 * Change and cancellation requests (R8.1-8.3): opened with a reason on an order from APPROVED to DELIVERED, which they
 * lock; assessed by each affected department (computed by the department, answered by a person of it); approved
 * through the order's chain; an approved change applied as a new version of the order. Every write locks the order
 * row first (through the core), then the request's rows.
 */
@Injectable()
export class ChangesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrderRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly facts: OrderFacts,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
  ) {}

  onModuleInit(): void {
    for (const action of LOCKED_ACTIONS) {
      this.lifecycle.guard(action, async (_m, order) => {
        if (order.pendingChange) throw lockedBy(order);
      });
    }
    this.facts.provide('orderVersion', async (m, orderId) => {
      const [{ version }] = await m.query(`SELECT coalesce(max(version), 1)::int AS version FROM sales_order_version WHERE "orderId" = $1`, [orderId]);
      return Number(version);
    });
  }

  /** Opens a change request (R8.1): 400 naming the field for a change the order cannot take, 409 while another is open. */
  async requestChange(orderId: string, reason: string, changes: RequestedChanges, principal: Principal): Promise<ChangeRequestView> {
    return this.open(orderId, 'CHANGE', reason, changes, principal);
  }

  /** Opens a cancellation request (R8.4): reviewed and approved like a change, with the departments' loss estimate. */
  async requestCancellation(orderId: string, reason: string, principal: Principal): Promise<ChangeRequestView> {
    return this.open(orderId, 'CANCELLATION', reason, {}, principal);
  }

  private async open(orderId: string, kind: ChangeKind, reason: string, changes: RequestedChanges, principal: Principal): Promise<ChangeRequestView> {
    return this.dataSource.transaction(async (m) => {
      const id = randomUUID();
      const now = new Date();
      let request!: ChangeRequest;
      await this.lifecycle.amend(m, orderId, {
        audit: kind === 'CHANGE' ? 'order.change-requested' : 'order.cancellation-requested',
        reason,
        change: (order) => {
          if (order.pendingChange) throw lockedBy(order);
          if (!isChangeable(order.status)) {
            throw new ConflictProblem(`an order in status ${order.status} takes no ${kind === 'CHANGE' ? 'change' : 'cancellation'} request (from APPROVED up to DELIVERED)`, {
              currentStatus: order.status,
              action: kind === 'CHANGE' ? 'requestChange' : 'requestCancellation',
            });
          }
          const current = orderSnapshot(toOrderView(order));
          let proposed = current;
          if (kind === 'CHANGE') {
            const proposal = proposeChange(current, changes, isoDay(now));
            if (proposal.problems.length > 0) throw new BadRequestException({ detail: 'the change cannot be made to this order', errors: proposal.problems });
            proposed = proposal.proposed;
          }
          request = m.create(ChangeRequest, {
            id,
            orderId,
            kind,
            status: 'UNDER_REVIEW',
            reason,
            changes,
            current,
            proposed,
            requestedBy: principal.username,
            requestedAt: now,
            outcome: null,
            closedAt: null,
            appliedVersion: null,
            loss: null,
          });
          order.pendingChange = { id, kind, status: 'UNDER_REVIEW' };
        },
        effects: async (order) => {
          await m.insert(ChangeRequest, request);
          const departments = impactDepartments(kind, hasShipped(order.status));
          await m.insert(
            ChangeImpact,
            departments.map((department) => ({ requestId: id, department, status: 'OPEN' as const, assessment: null, conclusion: null, impact: null, opinion: null, answeredBy: null, answeredAt: null })),
          );
          await this.outbox.publish(m, SalesOrderChangeRequestedV1, { orderId }, {
            orderId,
            requestId: id,
            kind,
            reason,
            changes,
            current: request.current,
            proposed: request.proposed,
            departments,
            requestedBy: principal.username,
            requestedAt: now.toISOString(),
          });
        },
      });
      return this.view(m, orderId, id);
    });
  }

  async get(orderId: string, requestId: string): Promise<ChangeRequestView> {
    return this.view(this.dataSource.manager, orderId, requestId);
  }

  async list(orderId: string): Promise<ChangeRequestListView> {
    await this.orders.assertExists(orderId);
    const requests = await this.dataSource.getRepository(ChangeRequest).find({ where: { orderId }, order: { requestedAt: 'ASC' } });
    const items: ChangeRequestView[] = [];
    for (const r of requests) items.push(await this.view(this.dataSource.manager, orderId, r.id));
    return { items };
  }

  /** A department's computed impact (change.impact.assessed.v1), kept as its OPEN impact until a person answers (R8.2). */
  async recordAssessment(m: EntityManager, event: ChangeImpactAssessed): Promise<void> {
    await this.orders.lock(m, event.orderId);
    const impact = await m.findOne(ChangeImpact, { where: { requestId: event.requestId, department: event.department }, lock: { mode: 'pessimistic_write' } });
    // A department that was not asked, or an answer to a request that is gone: nothing to record.
    if (!impact || impact.assessment) return;
    impact.assessment = { feasible: event.feasible, summary: event.summary, details: event.details, loss: event.loss, assessedAt: event.assessedAt };
    await m.save(impact);
    await this.audit.record(m, {
      action: 'change.impact-assessed',
      entityType: 'change-request',
      entityId: event.requestId,
      orderId: event.orderId,
      reason: `${event.department}: ${event.summary}`,
      after: impact.assessment,
    });
  }

  /** A person of the department confirms or contradicts its impact (R8.2); the last PASS opens the chain, a FAIL rejects. */
  async answerImpact(orderId: string, requestId: string, departmentParam: string, dto: ImpactAnswerDto, principal: Principal): Promise<ChangeRequestView> {
    const department = departmentParam.toLowerCase() as ImpactDepartment;
    if (!(IMPACT_DEPARTMENTS as readonly string[]).includes(department)) {
      throw new BadRequestException({ detail: `unknown department ${departmentParam}`, errors: [{ field: 'department', message: `one of ${IMPACT_DEPARTMENTS.join(', ')}` }] });
    }
    if (principal.department !== department.toUpperCase()) {
      throw new ProblemException(403, `the ${department} impact is answered by a person of ${department.toUpperCase()}; you are ${principal.department}`, { required: department.toUpperCase() });
    }
    return this.dataSource.transaction(async (m) => {
      await this.orders.lock(m, orderId);
      const request = await this.lockRequest(m, orderId, requestId);
      if (request.status !== 'UNDER_REVIEW') throw new ConflictProblem(`request ${requestId} is ${request.status}: its impacts are closed`, { currentStatus: request.status });
      const impacts = await m.find(ChangeImpact, { where: { requestId }, lock: { mode: 'pessimistic_write' } });
      const impact = impacts.find((i) => i.department === department);
      if (!impact) throw new NotFoundProblem(`${department} is not asked to assess request ${requestId}`);
      if (impact.status === 'DONE') throw new ConflictProblem(`${department} already answered (${impact.conclusion} by ${impact.answeredBy})`, { currentStatus: impact.status });
      if (!impact.assessment) throw new ConflictProblem(`${department} has not computed its impact yet; answer once it is shown`, { currentStatus: 'OPEN' });
      Object.assign(impact, { status: 'DONE', conclusion: dto.conclusion, impact: dto.impact, opinion: dto.opinion, answeredBy: principal.username, answeredAt: new Date() });
      await m.save(impact);
      await this.audit.record(m, { action: 'change.impact-answered', entityType: 'change-request', entityId: requestId, orderId, reason: `${department} ${dto.conclusion}: ${dto.opinion}`, after: dto });
      const outcome = reviewOutcome(impacts);
      if (outcome === 'REJECTED') await this.reject(m, request, `${department} found it infeasible: ${dto.opinion}`);
      if (outcome === 'AWAITING_APPROVAL') {
        await m.insert(
          ChangeApproval,
          this.config.APPROVAL_STEPS.map((step, i) => ({ requestId, step, seq: i + 1, status: 'PENDING' as const, decidedBy: null, decidedAt: null, comment: null })),
        );
        await this.setStatus(m, request, 'AWAITING_APPROVAL', 'change.awaiting-approval', 'every department passed it');
      }
      return this.view(m, orderId, requestId);
    });
  }

  /** A step of the request's chain (R8.2): the step's role, in order, never the requester; the last approval applies it. */
  async decide(orderId: string, requestId: string, stepParam: string, dto: { decision: 'APPROVE' | 'REJECT'; comment: string }, principal: Principal): Promise<ChangeRequestView> {
    const step = stepParam.toUpperCase() as ApprovalStep;
    if (!(APPROVAL_STEPS as readonly string[]).includes(step)) {
      throw new BadRequestException({ detail: `unknown approval step ${stepParam}`, errors: [{ field: 'step', message: `one of ${APPROVAL_STEPS.join(', ')}` }] });
    }
    return this.dataSource.transaction(async (m) => {
      await this.orders.lock(m, orderId);
      const request = await this.lockRequest(m, orderId, requestId);
      if (request.status !== 'AWAITING_APPROVAL') throw new ConflictProblem(`request ${requestId} is ${request.status}: no approval is open`, { currentStatus: request.status });
      const steps = await m.find(ChangeApproval, { where: { requestId }, lock: { mode: 'pessimistic_write' } });
      const refusal = stepRefusal(steps, step);
      if (refusal) {
        if (!steps.some((s) => s.step === step)) throw new NotFoundProblem(refusal);
        throw new ConflictProblem(refusal, { currentStatus: request.status });
      }
      const authority = authorityFor(principal, step, request.requestedBy, [], new Date());
      if (!authority.ok) throw new ProblemException(403, authority.reason, { required: step });
      const target = steps.find((s) => s.step === step) as ChangeApproval;
      Object.assign(target, { status: dto.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED', decidedBy: principal.username, decidedAt: new Date(), comment: dto.comment });
      await m.save(target);
      await this.audit.record(m, { action: 'change.approval-decided', entityType: 'change-request', entityId: requestId, orderId, reason: `${step} ${dto.decision}: ${dto.comment}` });
      const outcome = chainOutcome(steps);
      if (outcome === 'REJECTED') await this.reject(m, request, `${step} rejected it: ${dto.comment}`);
      if (outcome === 'APPROVED') {
        await this.setStatus(m, request, 'APPROVED', 'change.approved', 'every step approved');
        if (request.kind === 'CHANGE') await this.apply(m, request, principal);
        else await this.startCancellation(m, request);
      }
      return this.view(m, orderId, requestId);
    });
  }

  async versions(orderId: string): Promise<OrderVersionsView> {
    const order = await this.orders.find(orderId);
    const rows = await this.dataSource.getRepository(OrderVersion).find({ where: { orderId }, order: { version: 'ASC' } });
    const requests = await this.dataSource.getRepository(ChangeRequest).find({ where: { orderId } });
    const reasons = new Map(requests.map((r) => [r.id, r.reason]));
    return {
      items: [
        { version: 1, requestId: null, reason: null, changes: [], changedBy: order.createdBy, changedAt: order.createdAt.toISOString() },
        ...rows.map((v) => versionEntry(v, reasons.get(v.requestId) ?? null)),
      ],
    };
  }

  /**
   * Applies an approved change (R8.3) in the deciding transaction: the order's fields and lines, a new version with
   * what changed field by field, `sales.order.changed` for the departments, the lock released; the core tells the
   * departments' copies and the stages that react to a new version (issuance re-issues the document).
   */
  private async apply(m: EntityManager, request: ChangeRequest, principal: Principal): Promise<void> {
    const [{ next }] = await m.query(`SELECT coalesce(max(version), 1) + 1 AS next FROM sales_order_version WHERE "orderId" = $1`, [request.orderId]);
    const version = Number(next);
    const now = new Date();
    let fieldChanges: ReturnType<typeof proposeChange>['fieldChanges'] = [];
    await this.lifecycle.amend(m, request.orderId, {
      audit: 'order.changed',
      reason: request.reason,
      change: async (order) => {
        // The lock kept the order as it was assessed; what changes is computed again from the order itself.
        const proposal = proposeChange(orderSnapshot(toOrderView(order)), request.changes, '0000-01-01');
        if (proposal.problems.length > 0) throw new ConflictProblem(`request ${request.id} no longer applies: ${proposal.problems.map((p) => p.message).join('; ')}`);
        fieldChanges = proposal.fieldChanges;
        await applyToOrder(m, order, request.changes);
        order.pendingChange = null;
      },
      effects: async (order) => {
        await m.insert(OrderVersion, { orderId: order.id, version, requestId: request.id, changes: fieldChanges, changedBy: principal.username, changedAt: now });
        await this.outbox.publish(m, SalesOrderChangedV1, { orderId: order.id }, {
          orderId: order.id,
          requestId: request.id,
          version,
          changes: fieldChanges,
          order: orderSnapshot(toOrderView(order)),
          changedBy: principal.username,
          changedAt: now.toISOString(),
        });
      },
      newVersion: { documentVersion: version, requestId: request.id, changes: fieldChanges },
    });
    request.status = 'APPLIED';
    request.appliedVersion = version;
    request.closedAt = now;
    await m.save(request);
  }

  /**
   * An approved cancellation (R8.5): the loss fixed from the departments' assessments, a PENDING step per department
   * (the saga's state, in a table: a restart resumes from it and from the outbox), and the departments told.
   */
  private async startCancellation(m: EntityManager, request: ChangeRequest): Promise<void> {
    const impacts = await m.findBy(ChangeImpact, { requestId: request.id });
    request.loss = lossOf(impacts.map((i) => i.assessment?.loss ?? null), request.current.currency);
    await m.save(request);
    await m.insert(
      CancellationStep,
      CANCELLING_DEPARTMENTS.map((department) => ({ requestId: request.id, department, status: 'PENDING' as const, detail: null, confirmedAt: null })),
    );
    await this.outbox.publish(m, SalesOrderCancellationApprovedV1, { orderId: request.orderId }, {
      orderId: request.orderId,
      requestId: request.id,
      number: request.current.number,
      reason: request.reason,
      loss: request.loss,
      departments: [...CANCELLING_DEPARTMENTS],
      approvedAt: new Date().toISOString(),
    });
  }

  /**
   * A department's confirmation (R8.5, R8.6), once (the inbox, and a step already answered stays as it is): the last
   * DONE cancels the order through the state machine and closes the request; a CANNOT_COMPLY is shown on the request,
   * which then stays open.
   */
  async recordConfirmation(m: EntityManager, event: OrderCancellationConfirmed): Promise<void> {
    await this.orders.lock(m, event.orderId);
    const request = await this.lockRequest(m, event.orderId, event.requestId);
    const steps = await m.find(CancellationStep, { where: { requestId: request.id }, lock: { mode: 'pessimistic_write' } });
    const step = steps.find((s) => s.department === event.department);
    if (!step || step.status !== 'PENDING' || request.status !== 'APPROVED') return;
    Object.assign(step, { status: event.outcome, detail: event.detail, confirmedAt: new Date(event.confirmedAt) });
    await m.save(step);
    await this.audit.record(m, { action: 'cancellation.confirmed', entityType: 'change-request', entityId: request.id, orderId: request.orderId, reason: `${event.department} ${event.outcome}: ${event.detail}` });
    if (!cancellationProgress(steps).complete) return;
    await this.lifecycle.transition(m, request.orderId, {
      action: 'cancel',
      audit: 'order.cancelled',
      reason: request.reason,
      change: (order) => {
        order.pendingChange = null;
      },
      detail: () => ({ cancellationRequest: request.id, loss: request.loss }),
    });
    request.status = 'APPLIED';
    request.closedAt = new Date();
    await m.save(request);
  }

  /** Rejected (R8.3): the lock is released and nothing of the order changes. */
  private async reject(m: EntityManager, request: ChangeRequest, why: string): Promise<void> {
    request.status = 'REJECTED';
    request.outcome = why;
    request.closedAt = new Date();
    await m.save(request);
    await this.lifecycle.amend(m, request.orderId, {
      audit: 'order.change-rejected',
      reason: why,
      change: (order) => {
        order.pendingChange = null;
      },
    });
  }

  private async setStatus(m: EntityManager, request: ChangeRequest, status: 'AWAITING_APPROVAL' | 'APPROVED', audit: string, why: string): Promise<void> {
    request.status = status;
    await m.save(request);
    await this.lifecycle.amend(m, request.orderId, {
      audit,
      reason: why,
      change: (order) => {
        order.pendingChange = { id: request.id, kind: request.kind, status };
      },
    });
  }

  private async lockRequest(m: EntityManager, orderId: string, requestId: string): Promise<ChangeRequest> {
    const request = await m.findOne(ChangeRequest, { where: { id: requestId, orderId }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw new NotFoundProblem(`order ${orderId} has no request ${requestId}`);
    return request;
  }

  private async view(m: EntityManager, orderId: string, requestId: string): Promise<ChangeRequestView> {
    const request = await m.findOneBy(ChangeRequest, { id: requestId, orderId });
    if (!request) throw new NotFoundProblem(`order ${orderId} has no request ${requestId}`);
    const impacts = await m.findBy(ChangeImpact, { requestId });
    const approvals = await m.findBy(ChangeApproval, { requestId });
    const steps = await m.findBy(CancellationStep, { requestId });
    const fieldChanges = request.kind === 'CHANGE' ? proposeChange(request.current, request.changes, '0000-01-01').fieldChanges : [];
    return toChangeRequestView(request, fieldChanges, impacts, approvals, steps);
  }
}

/** The order's fields and lines as the change sets them: each line's amount and the total recomputed exactly (N3). */
async function applyToOrder(m: EntityManager, order: Order, changes: RequestedChanges): Promise<void> {
  if (changes.deliveryDate !== undefined) order.deliveryDate = changes.deliveryDate;
  if (changes.deliveryPlace !== undefined) order.deliveryPlace = changes.deliveryPlace;
  for (const c of changes.lines ?? []) {
    const line = order.lines.find((l) => l.lineNo === c.lineNo) as OrderLine;
    if (c.quantity !== undefined) {
      line.quantity = c.quantity;
      line.amount = multiplyMoney(line.unitPrice, c.quantity);
    }
    if (c.specification !== undefined) line.specification = c.specification;
    await m.update(OrderLine, { orderId: order.id, lineNo: c.lineNo }, { quantity: line.quantity, amount: line.amount, specification: line.specification });
  }
  const lastLineNo = Math.max(0, ...order.lines.map((l) => l.lineNo));
  const added = (changes.addLines ?? []).map((a, i) =>
    m.create(OrderLine, {
      orderId: order.id,
      lineNo: lastLineNo + 1 + i,
      productCode: a.productCode ?? null,
      productName: a.productName ?? null,
      specification: a.specification ?? null,
      quantity: a.quantity,
      unitPrice: sumMoney([a.unitPrice]),
      amount: multiplyMoney(a.unitPrice, a.quantity),
    }),
  );
  if (added.length > 0) {
    await m.insert(OrderLine, added);
    order.lines.push(...added);
  }
  order.totalAmount = sumMoney(order.lines.map((l) => l.amount));
}

function lockedBy(order: Order): ConflictProblem {
  const open = order.pendingChange as NonNullable<Order['pendingChange']>;
  return new ConflictProblem(`order ${order.number} has an open ${open.kind === 'CHANGE' ? 'change' : 'cancellation'} request ${open.id} (${open.status}): it refuses other changes until that request is decided`, {
    openRequest: open.id,
    currentStatus: open.status,
  });
}
