import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedOrder } from '@opm/workflow';
import { CreditService } from '../credit/credit.service';
import { OrderExposureHook } from '../credit/order-exposure.hook';
import { CostsService } from './costs.service';

/**
 * What finance does when an order reaches it (its customer's exposure, R2.4) and when it is issued: the order's
 * cost account is opened with the review's estimate as its plan (R5.6), in the acknowledgement's transaction.
 */
@Injectable()
export class FinanceOrderHook extends OrderExposureHook {
  constructor(
    credit: CreditService,
    private readonly costs: CostsService,
  ) {
    super(credit);
  }

  afterOrderIssued(m: EntityManager, order: ReceivedOrder): Promise<void> {
    return this.costs.planAtIssue(m, order);
  }
}
