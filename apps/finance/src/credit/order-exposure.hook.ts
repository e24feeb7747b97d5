import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedOrder, ReceivedOrderHook } from '@opm/workflow';
import { CreditService } from './credit.service';

/** An order reaching finance raises its customer's exposure: the new standing is announced at once (R2.4). */
@Injectable()
export class OrderExposureHook implements ReceivedOrderHook {
  constructor(private readonly credit: CreditService) {}

  afterOrderReceived(m: EntityManager, order: ReceivedOrder): Promise<void> {
    return this.credit.refreshExposure(m, order.customerId);
  }
}
