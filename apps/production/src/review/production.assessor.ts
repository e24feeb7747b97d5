import { Injectable } from '@nestjs/common';
import { Between, EntityManager, In } from 'typeorm';
import type { Assessment, ReviewOrderSnapshot } from '@opm/contracts';
import type { AssessmentContext, ReviewAssessor } from '@opm/workflow';
import { Product } from '../catalog/product.entity';
import { WorkCentreCalendarException } from '../work-centres/work-centre-calendar-exception.entity';
import { WorkCentre } from '../work-centres/work-centre.entity';
import { CAPACITY_HORIZON_DAYS, capacityAssessment, CapacityCentre, CommittedOrder } from './capacity-assessment';
import { addDays, isoDay } from '@opm/contracts';

/**
 * The production department's automatic capacity assessment (R3.3) against its work centres and calendar.
 *
 * Committed load, until issued orders exist (issue 6): the load of issued orders is what R3.3 asks for, and
 * production plans are not there yet. Its stand-in is what production has itself reviewed: other orders whose
 * latest PRODUCTION review task in this service is still open or was answered PASS (a FAIL or a superseded
 * round holds nothing), taken from the order snapshot stored with the task. When production plans arrive,
 * this query is what changes; the pure rules in capacity-assessment.ts stay.
 */
@Injectable()
export class ProductionCapacityAssessor implements ReviewAssessor {
  readonly department = 'PRODUCTION' as const;

  async assess(m: EntityManager, order: ReviewOrderSnapshot, ctx: AssessmentContext): Promise<Assessment> {
    const today = isoDay(ctx.now);
    const horizonEnd = addDays(order.deliveryDate && order.deliveryDate > today ? order.deliveryDate : today, CAPACITY_HORIZON_DAYS);
    const committed = await this.committedOrders(m, order.orderId, today, horizonEnd);
    const codes = [...new Set([order, ...committed].flatMap((o) => o.lines.flatMap((l) => (l.productCode ? [l.productCode] : []))))];
    // One after the other: they share the inbox transaction's connection.
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

  /** Other orders holding capacity (see the class comment), delivering between today and the search horizon. */
  private async committedOrders(m: EntityManager, orderId: string, from: string, to: string): Promise<CommittedOrder[]> {
    const rows: { orderId: string; order: ReviewOrderSnapshot }[] = await m.query(
      `SELECT t."orderId", t."order" FROM (
         SELECT DISTINCT ON ("orderId") "orderId", "order", status, conclusion
         FROM review_task
         WHERE department = 'PRODUCTION' AND status <> 'SUPERSEDED' AND "orderId" <> $1
         ORDER BY "orderId", round DESC
       ) t
       WHERE (t.status = 'OPEN' OR t.conclusion = 'PASS') AND t."order"->>'deliveryDate' BETWEEN $2 AND $3`,
      [orderId, from, to],
    );
    return rows.map((r) => ({ orderId: r.orderId, number: r.order.number, deliveryDate: r.order.deliveryDate as string, lines: r.order.lines }));
  }
}
