import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DepartmentOrderPart } from '@opm/workflow';
import { CostsService } from './costs.service';
import type { OrderCostsView } from './order-costs.view';

/** Finance's records in its part of `GET /orders/{id}`: the order's costs, planned, actual and variance (R5.6). */
@Injectable()
export class FinanceOrderPart implements DepartmentOrderPart {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly costs: CostsService,
  ) {}

  partOf(orderId: string): Promise<OrderCostsView | null> {
    return this.costs.view(this.dataSource.manager, orderId);
  }
}
