import { Injectable } from '@nestjs/common';
import { Between, EntityManager, In } from 'typeorm';
import type { Assessment, ReviewOrderSnapshot } from '@opm/contracts';
import { addDays, isoDay } from '@opm/contracts';
import type { AssessmentContext, ReviewAssessor } from '@opm/workflow';
import { CapacityLedger } from '../capacity/capacity-ledger';
import { Product } from '../catalog/product.entity';
import { WorkCentreCalendarException } from '../work-centres/work-centre-calendar-exception.entity';
import { WorkCentre } from '../work-centres/work-centre.entity';
import { CAPACITY_HORIZON_DAYS, capacityAssessment, CapacityCentre } from './capacity-assessment';

/**
 * The production department's automatic capacity assessment (R3.3) against its work centres and calendar.
 * Committed load is what issued orders' production plans hold, read from the load ledger for the days of the
 * assessment's horizon only (drafted, released and in-progress plans; a stopped or completed one has freed its
 * days). A rejected or never-issued order has no plan, so it holds nothing.
 */
@Injectable()
export class ProductionCapacityAssessor implements ReviewAssessor {
  readonly department = 'PRODUCTION' as const;

  constructor(private readonly ledger: CapacityLedger) {}

  async assess(m: EntityManager, order: ReviewOrderSnapshot, ctx: AssessmentContext): Promise<Assessment> {
    const today = isoDay(ctx.now);
    const horizonEnd = addDays(order.deliveryDate && order.deliveryDate > today ? order.deliveryDate : today, CAPACITY_HORIZON_DAYS);
    // One after the other: they share the inbox transaction's connection.
    const committed = await this.ledger.loadOfOthers(m, order.orderId, today, horizonEnd);
    const codes = [...new Set(order.lines.flatMap((l) => (l.productCode ? [l.productCode] : [])))];
    const products = codes.length > 0 ? await m.find(Product, { where: { code: In(codes) } }) : [];
    const centres = await m.find(WorkCentre);
    const exceptions = await m.find(WorkCentreCalendarException, { where: { date: Between(today, horizonEnd) } });
    const workCentres: CapacityCentre[] = centres.map((c) => ({
      code: c.code,
      hoursPerDay: c.hoursPerDay,
      exceptions: new Map(exceptions.filter((e) => e.workCentre === c.code).map((e) => [e.date, e.hours])),
    }));
    return capacityAssessment({ order, products: new Map(products.map((p) => [p.code, p])), workCentres, committed, today });
  }
}
