import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  Assessment,
  AssessmentSchema,
  REVIEW_DEPARTMENTS,
  ReviewDepartment,
  ReviewTaskCompletedV1,
  ReviewTaskOpenedV1,
  SalesOrderReviewRequested,
} from '@opm/contracts';
import {
  apiView,
  AuditLog,
  ConflictProblem,
  NotFoundProblem,
  Outbox,
  type Principal,
  ProblemException,
  SERVICE_CONFIG,
  ServiceConfig,
  type ViewOf,
} from '@opm/platform';
import { WORKFLOW_CONFIG, WorkflowConfig } from '../config/workflow-config';
import { ReviewAssessor } from './review-assessor';
import { REVIEW_TASK_STATUSES, ReviewTask } from './review-task.entity';

export const REVIEW_ASSESSORS = Symbol('REVIEW_ASSESSORS');

export interface OpinionInput {
  conclusion: 'PASS' | 'FAIL';
  opinion: string;
  proposals?: string[];
}

/** One department's review task (R3.1-R3.8) as its service serves it; reviewers and sales read it. */
export const ReviewTaskView = apiView(
  'ReviewTask',
  z.object({
    id: z.uuid(),
    orderId: z.uuid(),
    round: z.number().int().positive().describe('the review round of the order; a revised order gets a new one'),
    department: z.enum(REVIEW_DEPARTMENTS),
    status: z.enum(REVIEW_TASK_STATUSES).describe('OPEN until answered (DONE); SUPERSEDED when a later round replaced it'),
    major: z.boolean().describe('major or complex order (R3.1): a panel reviews it and the department head must answer'),
    openedAt: z.iso.datetime({ offset: true }),
    dueAt: z.iso.datetime({ offset: true }),
    overdue: z.boolean().describe('still OPEN after dueAt'),
    escalatedAt: z.iso.datetime({ offset: true }).nullable().describe('when the overdue task was escalated to the department head'),
    assessment: AssessmentSchema.describe("the department's automatic assessment from its own data"),
    conclusion: z.enum(['PASS', 'FAIL']).nullable(),
    opinion: z.string().nullable(),
    proposals: z.array(z.string()),
    reviewer: z.string().nullable().describe('who answered, or `system:<service>` when a clear assessment was auto-confirmed'),
    autoConfirmed: z.boolean(),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
    version: z.number().int().positive(),
  }),
);
export type ReviewTaskView = ViewOf<typeof ReviewTaskView>;

/** `GET /<service>/review-tasks`: the newest 200 tasks that match, newest first. */
export const ReviewTaskListView = apiView('ReviewTaskList', z.object({ items: z.array(ReviewTaskView.schema) }));
export type ReviewTaskListView = ViewOf<typeof ReviewTaskListView>;

export function toReviewTaskView(t: ReviewTask, now = new Date()): ReviewTaskView {
  return {
    id: t.id,
    orderId: t.orderId,
    round: t.round,
    department: t.department,
    status: t.status,
    major: t.major,
    openedAt: t.openedAt.toISOString(),
    dueAt: t.dueAt.toISOString(),
    overdue: t.status === 'OPEN' && t.dueAt < now,
    escalatedAt: t.escalatedAt?.toISOString() ?? null,
    assessment: t.assessment,
    conclusion: t.conclusion,
    opinion: t.opinion,
    proposals: t.proposals,
    reviewer: t.reviewer,
    autoConfirmed: t.autoConfirmed,
    decidedAt: t.decidedAt?.toISOString() ?? null,
    version: t.version,
  };
}

/**
 * The review task mechanism every reviewing department shares (R3.1-R3.8): open a task per review round with
 * the department's automatic assessment and a due time, auto-confirm a clear one where configured, take the
 * department's opinion; what is overdue is escalated by ReviewTaskDeadlines. Each step is one transaction with its
 * event and audit entry.
 */
@Injectable()
export class ReviewTasksService {
  private readonly logger = new Logger(ReviewTasksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REVIEW_ASSESSORS) private readonly assessors: ReviewAssessor[],
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    @Inject(SERVICE_CONFIG) private readonly service: ServiceConfig,
    @Inject(WORKFLOW_CONFIG) private readonly config: WorkflowConfig,
  ) {}

  get departments(): ReviewDepartment[] {
    return this.assessors.map((a) => a.department);
  }

  private dueSeconds(department: ReviewDepartment): number {
    return this.config[`REVIEW_DUE_SECONDS_${department}`] ?? this.config.REVIEW_DUE_SECONDS;
  }

  private get autoConfirm(): boolean {
    return this.config.REVIEW_AUTO_CONFIRM ?? this.service.DEMO_DATA;
  }

  /** On `sales.order.review-requested`: one task per department this service reviews for. */
  async open(m: EntityManager, request: SalesOrderReviewRequested): Promise<void> {
    const now = new Date();
    for (const assessor of this.assessors) {
      const department = assessor.department;
      // A new round supersedes whatever the earlier rounds left open.
      await m.query(`UPDATE review_task SET status = 'SUPERSEDED', version = version + 1 WHERE "orderId" = $1 AND department = $2 AND round < $3 AND status = 'OPEN'`, [
        request.orderId,
        department,
        request.round,
      ]);
      let assessment: Assessment;
      try {
        assessment = await assessor.assess(m, request.order, { round: request.round, major: request.major, now });
      } catch (err) {
        // A failing assessment must not stop the review: a person decides instead.
        this.logger.error(`${department} assessment of ${request.number} failed: ${(err as Error).stack}`);
        assessment = {
          clear: false,
          summary: `the automatic assessment failed (${(err as Error).message}); a reviewer must judge`,
          reasons: [],
          proposals: [],
          details: {},
        };
      }
      const task = m.create(ReviewTask, {
        id: randomUUID(),
        orderId: request.orderId,
        round: request.round,
        department,
        status: 'OPEN',
        major: request.major,
        openedAt: now,
        dueAt: new Date(now.getTime() + this.dueSeconds(department) * 1000),
        escalatedAt: null,
        assessment,
        order: request.order,
        conclusion: null,
        opinion: null,
        proposals: [],
        reviewer: null,
        reviewerRole: null,
        autoConfirmed: false,
        decidedAt: null,
      });
      await m.save(task);
      await this.outbox.publish(m, ReviewTaskOpenedV1, { orderId: task.orderId }, {
        orderId: task.orderId,
        round: task.round,
        department,
        taskId: task.id,
        dueAt: task.dueAt.toISOString(),
        assessment,
        openedAt: task.openedAt.toISOString(),
      });
      await this.audit.record(m, {
        action: 'review-task.opened',
        entityType: 'review-task',
        entityId: task.id,
        orderId: task.orderId,
        after: toReviewTaskView(task),
      });
      if (assessment.clear && this.autoConfirm && !request.major) {
        await this.complete(m, task, { conclusion: 'PASS', opinion: `auto-confirmed: ${assessment.summary}`, proposals: [] }, null);
      }
    }
  }

  /** The department's opinion (R3.7): only that department, its head for a major order, once per task. */
  async answer(orderId: string, departmentParam: string, input: OpinionInput, principal: Principal): Promise<ReviewTaskView> {
    const department = departmentParam.toUpperCase() as ReviewDepartment;
    if (!this.departments.includes(department)) {
      throw new NotFoundProblem(`this service reviews for ${this.departments.join(', ')}, not ${departmentParam}`);
    }
    if (principal.department !== department) {
      throw new ProblemException(403, `only ${department} may answer the ${department} review task; you are ${principal.department} ${principal.role}`);
    }
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT id FROM review_task WHERE "orderId" = $1 AND department = $2 AND status <> 'SUPERSEDED' ORDER BY round DESC LIMIT 1 FOR UPDATE`,
        [orderId, department],
      );
      if (!row) throw new NotFoundProblem(`no ${department} review task for order ${orderId}`);
      const task = await m.findOneByOrFail(ReviewTask, { id: row.id });
      if (task.status === 'DONE') {
        throw new ConflictProblem(`the ${department} review of round ${task.round} was already answered by ${task.reviewer}`, { currentStatus: task.status });
      }
      if (task.major && principal.role !== 'HEAD') {
        throw new ProblemException(403, `order under panel review (R3.1): the ${department} head must answer; you are ${principal.role}`);
      }
      return toReviewTaskView(await this.complete(m, task, input, principal));
    });
  }

  private async complete(m: EntityManager, task: ReviewTask, input: OpinionInput, principal: Principal | null): Promise<ReviewTask> {
    const before = toReviewTaskView(task);
    task.status = 'DONE';
    task.conclusion = input.conclusion;
    task.opinion = input.opinion;
    task.proposals = input.proposals ?? [];
    task.reviewer = principal?.username ?? `system:${this.service.SERVICE_NAME}`;
    task.reviewerRole = principal?.role ?? null;
    task.autoConfirmed = principal === null;
    task.decidedAt = new Date();
    await m.save(task);
    await this.outbox.publish(m, ReviewTaskCompletedV1, { orderId: task.orderId }, {
      orderId: task.orderId,
      round: task.round,
      department: task.department,
      taskId: task.id,
      conclusion: input.conclusion,
      opinion: input.opinion,
      proposals: task.proposals,
      assessment: task.assessment,
      reviewer: task.reviewer,
      reviewerRole: task.reviewerRole,
      autoConfirmed: task.autoConfirmed,
      decidedAt: task.decidedAt.toISOString(),
    });
    await this.audit.record(m, {
      action: task.autoConfirmed ? 'review-task.auto-confirmed' : 'review-task.answered',
      entityType: 'review-task',
      entityId: task.id,
      orderId: task.orderId,
      reason: input.opinion,
      before,
      after: toReviewTaskView(task),
    });
    return task;
  }

  async list(query: { orderId?: string; status?: string }): Promise<ReviewTaskView[]> {
    const tasks = await this.dataSource.getRepository(ReviewTask).find({
      where: { ...(query.orderId ? { orderId: query.orderId } : {}), ...(query.status ? { status: query.status as ReviewTask['status'] } : {}) },
      order: { openedAt: 'DESC' },
      take: 200,
    });
    const now = new Date();
    return tasks.map((t) => toReviewTaskView(t, now));
  }
}
