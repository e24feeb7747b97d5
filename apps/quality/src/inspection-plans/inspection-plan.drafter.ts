import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedOrderHook, ReceivedOrder } from '@opm/workflow';
import { InspectionPlansService } from './inspection-plans.service';

/** Quality's execution starts when the order is issued to it (R4.2): the inspection plan, in the acknowledgement's transaction. */
@Injectable()
export class InspectionPlanDrafter implements ReceivedOrderHook {
  constructor(private readonly plans: InspectionPlansService) {}

  async afterOrderIssued(m: EntityManager, order: ReceivedOrder): Promise<void> {
    await this.plans.draft(m, order);
  }
}
