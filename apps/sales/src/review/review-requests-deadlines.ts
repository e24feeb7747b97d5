import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@opm/platform';
import type { DueTaskKind } from '@opm/workflow';
import { SALES_CONFIG, SalesConfig } from '../config/sales-config';
import { ReviewTaskCopy } from './review-task-copy.entity';

/** Who a stuck review request is escalated to: a MANAGEMENT leader may replay dead letters in every service. */
export const STUCK_REQUEST_ESCALATED_TO = 'MANAGEMENT LEADER';

/**
 * Review requests as due tasks (issue 11): a department opens its task within a second of sales' request, so one
 * still REQUESTED at its due time (REVIEW_OPEN_DUE_SECONDS) was not applied there, dead-lettered or lost to an outage.
 * The round shows it stuck and it is escalated once, by the same due-task scan as an overdue review task; once
 * the request is applied (a replayed dead letter), the task opens and the escalation is cleared.
 */
@Injectable()
export class ReviewRequestDeadlines implements DueTaskKind<ReviewTaskCopy> {
  readonly label = 'unopened review request';
  readonly entity = ReviewTaskCopy;
  readonly open = { status: 'REQUESTED' as const };
  readonly scanEveryMs: number;

  constructor(
    private readonly audit: AuditLog,
    @Inject(SALES_CONFIG) config: SalesConfig,
  ) {
    this.scanEveryMs = config.REVIEW_STUCK_SCAN_MS;
  }

  async escalated(m: EntityManager, task: ReviewTaskCopy & { escalatedAt: Date }): Promise<void> {
    await m.update(ReviewTaskCopy, { orderId: task.orderId, round: task.round, department: task.department }, { escalatedTo: STUCK_REQUEST_ESCALATED_TO });
    await this.audit.record(m, {
      action: 'review.request-stuck',
      entityType: 'review-round',
      entityId: `${task.orderId}/${task.round}`,
      orderId: task.orderId,
      reason:
        `${task.department} has not opened its review task by ${task.dueAt?.toISOString()}: the request was not applied there ` +
        `(see that service's dead letters); escalated to ${STUCK_REQUEST_ESCALATED_TO}`,
    });
  }
}
