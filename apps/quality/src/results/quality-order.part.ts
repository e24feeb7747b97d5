import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DepartmentOrderPart } from '@opm/workflow';
import { InspectionPlansService } from '../inspection-plans/inspection-plans.service';
import { NonconformancesService } from '../nonconformances/nonconformances.service';
import { QualityResultsService } from './quality-results.service';
import type { QualityOrderInspectionView } from './quality-results.view';

/** Quality's records in its part of `GET /orders/{id}`: the inspection plan, the results, the nonconformances. */
@Injectable()
export class QualityOrderPart implements DepartmentOrderPart {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: InspectionPlansService,
    private readonly results: QualityResultsService,
    private readonly nonconformances: NonconformancesService,
  ) {}

  async partOf(orderId: string): Promise<QualityOrderInspectionView | null> {
    const m = this.dataSource.manager;
    const results = await this.results.view(m, orderId);
    if (!results) return null;
    const [plan, nonconformances] = await Promise.all([this.plans.ofOrder(m, orderId), this.nonconformances.ofOrder(m, orderId)]);
    return { plan, results, nonconformances };
  }
}
