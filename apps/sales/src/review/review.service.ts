import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  REVIEW_DEPARTMENTS,
  ReviewTaskCompleted,
  ReviewTaskOpened,
  ReviewTaskOverdue,
  SalesOrderDetailsChangedV1,
  SalesOrderReviewConcludedV1,
  SalesOrderReviewRequestedV1,
  toMinorUnits,
} from '@opm/contracts';
import { AuditLog, ConflictProblem, NotFoundProblem, Outbox, Principal } from '@opm/platform';
import { SALES_CONFIG, SalesConfig } from '../config/sales-config';
import { applyDetails, changedFields, detailsChanged, replaceLines } from '../lifecycle/order-details';
import { OrderEntered, OrderLifecycle } from '../lifecycle/order-lifecycle.service';
import { orderSnapshot, OrderView, toOrderView } from '../lifecycle/order-view';
import { Order } from '../lifecycle/order.entity';
import { OrderRepository } from '../lifecycle/order.repository';
import { ReviseOrderDto } from './dto/revise-order.dto';
import { consolidate } from './review-report';
import { ReviewRound } from './review-round.entity';
import { STUCK_REQUEST_ESCALATED_TO } from './review-requests-deadlines';
import { ReviewTaskCopy } from './review-task-copy.entity';
import { ReviewRoundsView, toReviewRoundsView } from './review-view';

/**
 * Sales leads the review (R3.1, R3.7): opens a round and sends the full order to the five reviewing
 * departments whenever an order enters UNDER_REVIEW, follows their tasks from their events, consolidates the
 * report, and moves the order on; after a failed review it revises the order for a new round.
 */
@Injectable()
export class ReviewService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrderRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onEnter('UNDER_REVIEW', (m, entered) => this.roundFor(m, entered));
  }

  /**
   * After a failed review (or a rejected approval) sales negotiates with the customer, revises the order and
   * sends it to review again: a new round, earlier rounds kept (R3.7, R3.8).
   */
  async revise(id: string, dto: ReviseOrderDto, ifMatch: number | undefined): Promise<OrderView> {
    const { reason, ...changes } = dto;
    changedFields(changes, 'a revision changes at least one field');
    return this.dataSource.transaction(async (m) => {
      const order = await this.lifecycle.transition(m, id, {
        action: 'revise',
        ifMatch,
        audit: 'order.revised',
        reason,
        change: async (o) => {
          applyDetails(o, changes);
          if (changes.complex !== undefined) o.complex = changes.complex;
          if (changes.lines !== undefined) await replaceLines(m, o, changes.lines);
        },
        effects: (o) => this.outbox.publish(m, SalesOrderDetailsChangedV1, { orderId: o.id }, detailsChanged(o)).then(() => undefined),
      });
      return toOrderView(order);
    });
  }

  /** Every entry into UNDER_REVIEW opens a round; a revision's reason, author and time are kept on it. */
  private async roundFor(m: EntityManager, entered: OrderEntered): Promise<void> {
    const revision = entered.action === 'revise' ? { reason: entered.reason ?? '', by: entered.actor, at: entered.at.toISOString() } : null;
    await this.openRound(m, entered.order, revision);
  }

  /** Major (amount at or above the threshold) or flagged complex: a review panel (R3.1). */
  isMajor(order: Pick<Order, 'totalAmount' | 'complex'>): boolean {
    return order.complex || toMinorUnits(order.totalAmount) >= toMinorUnits(this.config.REVIEW_MAJOR_ORDER_AMOUNT);
  }

  /** A new round for an order now UNDER_REVIEW, in the caller's transaction; earlier rounds stay for tracing. */
  private async openRound(m: EntityManager, order: Order, revision: ReviewRound['revision'] = null): Promise<ReviewRound> {
    const [{ next }] = await m.query(`SELECT coalesce(max(round), 0) + 1 AS next FROM sales_review_round WHERE "orderId" = $1`, [order.id]);
    await m.query(`UPDATE sales_review_round SET status = 'SUPERSEDED' WHERE "orderId" = $1 AND status IN ('OPEN', 'AWAITING_CHAIR')`, [order.id]);
    const round = await m.save(
      m.create(ReviewRound, {
        orderId: order.id,
        round: next,
        status: 'OPEN',
        major: this.isMajor(order),
        openedAt: new Date(),
        concludedAt: null,
        report: null,
        chair: null,
        revision,
      }),
    );
    // Until the department opens its task, the due time is the one to open it by (ReviewRequestDeadlines).
    const openBy = new Date(round.openedAt.getTime() + this.config.REVIEW_OPEN_DUE_SECONDS * 1000);
    await m.insert(
      ReviewTaskCopy,
      REVIEW_DEPARTMENTS.map((department) => ({
        orderId: order.id,
        round: round.round,
        department,
        taskId: null,
        dueAt: openBy,
        status: 'REQUESTED' as const,
        proposals: [],
        autoConfirmed: false,
      })),
    );
    await this.outbox.publish(m, SalesOrderReviewRequestedV1, { orderId: order.id }, {
      orderId: order.id,
      number: order.number,
      round: round.round,
      major: round.major,
      order: orderSnapshot(toOrderView(order)),
    });
    return round;
  }

  /** TypeORM's update typing cannot see through jsonb columns; the entity type still checks every field. */
  private async updateTask(m: EntityManager, key: Pick<ReviewTaskCopy, 'orderId' | 'round' | 'department'>, changes: Partial<ReviewTaskCopy>) {
    await m.update(ReviewTaskCopy, key, changes as QueryDeepPartialEntity<ReviewTaskCopy>);
  }

  /** The department has the request: its task is OPEN, with its due time and assessment (unless it was already answered). */
  async applyOpened(m: EntityManager, p: ReviewTaskOpened): Promise<void> {
    const key = { orderId: p.orderId, round: p.round, department: p.department };
    await this.updateTask(m, key, { taskId: p.taskId, dueAt: new Date(p.dueAt), assessment: p.assessment });
    await m.update(ReviewTaskCopy, { ...key, status: 'REQUESTED' }, { status: 'OPEN' });
    // A request escalated as stuck has now been applied there (a replayed dead letter): the round goes on.
    const resumed = await m.update(ReviewTaskCopy, { ...key, escalatedTo: STUCK_REQUEST_ESCALATED_TO }, { escalatedAt: null, escalatedTo: null });
    if (resumed.affected) {
      await this.audit.record(m, {
        action: 'review.request-resumed',
        entityType: 'review-round',
        entityId: `${p.orderId}/${p.round}`,
        orderId: p.orderId,
        reason: `${p.department} opened its review task after the request was escalated as stuck`,
      });
    }
  }

  async applyOverdue(m: EntityManager, p: ReviewTaskOverdue): Promise<void> {
    await this.updateTask(m, { orderId: p.orderId, round: p.round, department: p.department }, { escalatedAt: new Date(p.escalatedAt), escalatedTo: p.escalatedTo });
    await this.audit.record(m, {
      action: 'review.task-overdue',
      entityType: 'review-round',
      entityId: `${p.orderId}/${p.round}`,
      orderId: p.orderId,
      reason: `${p.department} did not answer by ${p.dueAt}; escalated to ${p.escalatedTo}`,
    });
  }

  async applyCompleted(m: EntityManager, p: ReviewTaskCompleted): Promise<void> {
    await this.orders.lock(m, p.orderId);
    await this.updateTask(
      m,
      { orderId: p.orderId, round: p.round, department: p.department },
      {
        taskId: p.taskId,
        status: 'DONE',
        assessment: p.assessment,
        conclusion: p.conclusion,
        opinion: p.opinion,
        proposals: p.proposals,
        reviewer: p.reviewer,
        reviewerRole: p.reviewerRole,
        autoConfirmed: p.autoConfirmed,
        decidedAt: new Date(p.decidedAt),
      },
    );
    await this.tryConclude(m, p.orderId, p.round);
  }

  /** Once every department has answered: the report; a major order then waits for its panel chair. */
  private async tryConclude(m: EntityManager, orderId: string, roundNo: number): Promise<void> {
    const round = await m.findOne(ReviewRound, { where: { orderId, round: roundNo }, lock: { mode: 'pessimistic_write' } });
    if (!round || round.status !== 'OPEN') return; // a superseded round is kept as it is
    const report = consolidate(roundNo, await m.findBy(ReviewTaskCopy, { orderId, round: roundNo }));
    if (!report) return;
    round.report = report;
    if (round.major) {
      round.status = 'AWAITING_CHAIR';
      await m.save(round);
      await this.audit.record(m, {
        action: 'review.awaiting-chair',
        entityType: 'review-round',
        entityId: `${orderId}/${roundNo}`,
        orderId,
        reason: `all departments answered (${report.conclusion}); the panel chair signs off`,
        after: report,
      });
      return;
    }
    await this.finalize(m, round, report.conclusion, report.reasons);
  }

  /** The panel chair (a leader) signs off a major order's report (R3.1); the chair's conclusion decides. */
  async chairConclude(orderId: string, input: { conclusion: 'PASS' | 'FAIL'; comment: string }, chair: Principal): Promise<ReviewRoundsView> {
    return this.dataSource.transaction(async (m) => {
      await this.orders.lock(m, orderId);
      const round = await m.findOne(ReviewRound, { where: { orderId }, order: { round: 'DESC' }, lock: { mode: 'pessimistic_write' } });
      if (!round) throw new NotFoundProblem(`order ${orderId} has no review`);
      if (!round.major) throw new ConflictProblem(`round ${round.round} is not a panel review: the departments' opinions decide`, { currentStatus: round.status });
      if (round.status !== 'AWAITING_CHAIR') {
        const waiting = (await m.findBy(ReviewTaskCopy, { orderId, round: round.round, status: In(['REQUESTED', 'OPEN']) })).map((t) => t.department);
        throw new ConflictProblem(
          round.status === 'OPEN'
            ? `the panel cannot conclude before every department has answered (waiting for ${waiting.join(', ')})`
            : `round ${round.round} is already ${round.status}`,
          { currentStatus: round.status },
        );
      }
      round.chair = { conclusion: input.conclusion, comment: input.comment, chair: chair.username, decidedAt: new Date().toISOString() };
      const reasons = [...(round.report?.reasons ?? []), ...(input.conclusion === 'FAIL' ? [`PANEL CHAIR: ${input.comment}`] : [])];
      await this.finalize(m, round, input.conclusion, reasons, input.comment);
      return this.view(m, orderId);
    });
  }

  /** The round's conclusion moves the order: PASS -> approval (the approvals stage opens its chain), FAIL -> negotiation. */
  private async finalize(m: EntityManager, round: ReviewRound, conclusion: 'PASS' | 'FAIL', reasons: string[], comment?: string): Promise<void> {
    await this.lifecycle.transition(m, round.orderId, {
      action: conclusion === 'PASS' ? 'passReview' : 'failReview',
      audit: 'order.review-concluded',
      reason: comment ?? `round ${round.round}: ${conclusion}`,
      effects: async (order) => {
        round.status = conclusion === 'PASS' ? 'PASSED' : 'FAILED';
        round.concludedAt = new Date();
        if (round.report) round.report = { ...round.report, conclusion, reasons };
        await m.save(round);
        await this.outbox.publish(m, SalesOrderReviewConcludedV1, { orderId: order.id }, {
          orderId: order.id,
          round: round.round,
          conclusion,
          reasons,
          concludedAt: round.concludedAt.toISOString(),
        });
      },
      detail: () => ({ report: round.report, chair: round.chair }),
    });
  }

  async get(orderId: string): Promise<ReviewRoundsView> {
    return this.view(this.dataSource.manager, orderId);
  }

  private async view(m: EntityManager, orderId: string): Promise<ReviewRoundsView> {
    await this.orders.assertExists(orderId, m);
    const rounds = await m.find(ReviewRound, { where: { orderId }, order: { round: 'ASC' } });
    const tasks = await m.find(ReviewTaskCopy, { where: { orderId } });
    return toReviewRoundsView(rounds, tasks, new Date());
  }
}
