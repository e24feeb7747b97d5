import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReviewTaskOverdueV1 } from '@opm/contracts';
import { AuditLog, Outbox } from '@opm/platform';
import { WORKFLOW_CONFIG, WorkflowConfig } from '../config/workflow-config';
import type { DueTaskKind } from '../due-tasks/due-task';
import { ReviewTask } from './review-task.entity';
import { toReviewTaskView } from './review-tasks.service';

/** Review tasks as due tasks (R3.7): an open task not answered in time is escalated once to the department's head. */
@Injectable()
export class ReviewTaskDeadlines implements DueTaskKind<ReviewTask> {
  readonly label = 'review task';
  readonly entity = ReviewTask;
  readonly open = { status: 'OPEN' as const };
  readonly scanEveryMs: number;

  constructor(
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    @Inject(WORKFLOW_CONFIG) config: WorkflowConfig,
  ) {
    this.scanEveryMs = config.REVIEW_SCAN_MS;
  }

  async escalated(m: EntityManager, task: ReviewTask & { escalatedAt: Date }, before: ReviewTask): Promise<void> {
    const escalatedTo = `${task.department} HEAD`;
    await this.outbox.publish(m, ReviewTaskOverdueV1, { orderId: task.orderId }, {
      orderId: task.orderId,
      round: task.round,
      department: task.department,
      taskId: task.id,
      dueAt: task.dueAt.toISOString(),
      escalatedAt: task.escalatedAt.toISOString(),
      escalatedTo,
    });
    await this.audit.record(m, {
      action: 'review-task.escalated',
      entityType: 'review-task',
      entityId: task.id,
      orderId: task.orderId,
      reason: `not answered by ${task.dueAt.toISOString()}; escalated to ${escalatedTo}`,
      before: toReviewTaskView(before),
      after: toReviewTaskView(task),
    });
  }
}
