import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { apiView, type ViewOf } from '@opm/platform';
import type { DepartmentOrderPart, ReceivedOrder, ReceivedOrderHook } from '@opm/workflow';
import { TechnicalIssueView } from '../technical-issues/technical-issue.view';
import { TechnicalIssuesService } from '../technical-issues/technical-issues.service';
import { ProductionPlanView } from './plan.view';
import { PlansService } from './plans.service';

/** Production's records of an order in its part of `GET /orders/{id}` (issue 13 item 6): the plan and open technical issues. */
export const ProductionExecutionView = apiView(
  'ProductionExecution',
  z.object({
    plan: ProductionPlanView.schema.nullable().describe('the production plan (R5.1); null until the order is issued'),
    technicalIssues: z.array(TechnicalIssueView.schema).describe('technical issues still OPEN on the order (R5.4), oldest first'),
  }),
);
export type ProductionExecutionView = ViewOf<typeof ProductionExecutionView>;

/** The issued order reached production (R4.2): its plan is drafted in the same transaction (R5.1). */
@Injectable()
export class PlanDraftingHook implements ReceivedOrderHook {
  constructor(private readonly plans: PlansService) {}

  async afterOrderIssued(m: EntityManager, order: ReceivedOrder): Promise<void> {
    await this.plans.draft(m, order);
  }
}

@Injectable()
export class ProductionOrderPart implements DepartmentOrderPart {
  constructor(
    private readonly plans: PlansService,
    private readonly issues: TechnicalIssuesService,
  ) {}

  async partOf(orderId: string): Promise<ProductionExecutionView> {
    return { plan: await this.plans.ofOrder(orderId), technicalIssues: await this.issues.openOf(orderId) };
  }
}
