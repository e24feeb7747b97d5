import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProductionTechnicalIssueAnsweredV1, ProductionTechnicalIssueRaisedV1 } from '@opm/contracts';
import { AuditLog, BusinessRuleProblem, ConflictProblem, NotFoundProblem, Outbox, type Page, type Principal } from '@opm/platform';
import { ReceivedOrder } from '@opm/workflow';
import { TechnicalIssue } from './technical-issue.entity';
import type { TechnicalIssueView } from './technical-issue.view';

export interface TechnicalIssueQuery {
  orderId?: string;
  status?: 'OPEN' | 'ANSWERED';
  page: number;
  pageSize: number;
}

function toView(t: TechnicalIssue): TechnicalIssueView {
  return {
    id: t.id,
    orderId: t.orderId,
    question: t.question,
    status: t.status,
    raisedBy: t.raisedBy,
    raisedByDepartment: t.raisedByDepartment,
    raisedAt: t.raisedAt.toISOString(),
    answer: t.answer,
    answeredBy: t.answeredBy,
    answeredAt: t.answeredAt?.toISOString() ?? null,
  };
}

/** Technical support to execution (R5.4): anyone on an order asks, engineering (the TECHNICAL department) answers. */
@Injectable()
export class TechnicalIssuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async list(query: TechnicalIssueQuery): Promise<Page<TechnicalIssueView>> {
    const [issues, total] = await this.dataSource.getRepository(TechnicalIssue).findAndCount({
      where: { ...(query.orderId ? { orderId: query.orderId } : {}), ...(query.status ? { status: query.status } : {}) },
      order: { raisedAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: issues.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  /** The order's open issues, oldest first (production's part of the combined view). */
  async openOf(orderId: string): Promise<TechnicalIssueView[]> {
    const issues = await this.dataSource.getRepository(TechnicalIssue).find({ where: { orderId, status: 'OPEN' }, order: { raisedAt: 'ASC', id: 'ASC' } });
    return issues.map(toView);
  }

  async raise(input: { orderId: string; question: string }, actor: Principal): Promise<TechnicalIssueView> {
    return this.dataSource.transaction(async (m) => {
      if (!(await m.existsBy(ReceivedOrder, { orderId: input.orderId }))) {
        throw new BusinessRuleProblem(`order ${input.orderId} is not known to production`, { errors: [{ field: 'orderId', message: 'no such order has reached production' }] });
      }
      const issue = m.create(TechnicalIssue, {
        id: randomUUID(),
        orderId: input.orderId,
        question: input.question,
        status: 'OPEN',
        raisedBy: actor.username,
        raisedByDepartment: actor.department,
        raisedAt: new Date(),
        answer: null,
        answeredBy: null,
        answeredAt: null,
      });
      await m.insert(TechnicalIssue, issue);
      await this.outbox.publish(m, ProductionTechnicalIssueRaisedV1, { orderId: issue.orderId }, {
        orderId: issue.orderId,
        issueId: issue.id,
        question: issue.question,
        raisedBy: issue.raisedBy,
        raisedByDepartment: issue.raisedByDepartment,
        raisedAt: issue.raisedAt.toISOString(),
      });
      const after = toView(issue);
      await this.audit.record(m, { action: 'technical-issue.raised', entityType: 'technical-issue', entityId: issue.id, orderId: issue.orderId, reason: issue.question, after });
      return after;
    });
  }

  async answer(id: string, input: { answer: string }, actor: Principal): Promise<TechnicalIssueView> {
    return this.dataSource.transaction(async (m) => {
      const issue = await m.findOne(TechnicalIssue, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!issue) throw new NotFoundProblem(`technical issue ${id} not found`);
      if (issue.status !== 'OPEN') throw new ConflictProblem(`technical issue ${id} is ${issue.status}`, { currentStatus: issue.status, action: 'answer' });
      const before = toView(issue);
      const answeredAt = new Date();
      await m.update(TechnicalIssue, { id }, { status: 'ANSWERED', answer: input.answer, answeredBy: actor.username, answeredAt });
      await this.outbox.publish(m, ProductionTechnicalIssueAnsweredV1, { orderId: issue.orderId }, {
        orderId: issue.orderId,
        issueId: id,
        answer: input.answer,
        answeredBy: actor.username,
        answeredAt: answeredAt.toISOString(),
      });
      const after = toView(await m.findOneByOrFail(TechnicalIssue, { id }));
      await this.audit.record(m, { action: 'technical-issue.answered', entityType: 'technical-issue', entityId: id, orderId: issue.orderId, reason: input.answer, before, after });
      return after;
    });
  }
}
