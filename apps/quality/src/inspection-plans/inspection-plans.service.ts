import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditLog, NotFoundProblem, type Page } from '@opm/platform';
import { type ReceivedOrder, ReviewTask } from '@opm/workflow';
import { QualityResultsService } from '../results/quality-results.service';
import { QualityCapability } from '../standards/quality-capability.entity';
import type { ListInspectionPlansQuery } from './dto/list-plans.query';
import { draftInspectionPlan, type InspectionPlanItem, reviewedStandards } from './inspection-plan';
import { InspectionPlan } from './inspection-plan.entity';
import { InspectionPlanView, toInspectionPlanView } from './inspection-plan.view';

/** Inspection plans (R5.3): drafted when the order is issued to quality, read by anyone. */
@Injectable()
export class InspectionPlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly results: QualityResultsService,
  ) {}

  /**
   * Drafts the plan from the issued lines, the standards the latest quality review attained for them with their
   * control measures (R3.4; the review task lives in quality's own database) and the products' inspection notes;
   * opens the order's quality results.
   */
  async draft(m: EntityManager, order: ReceivedOrder): Promise<InspectionPlan> {
    const existing = await m.findOneBy(InspectionPlan, { orderId: order.orderId });
    if (existing) return existing;
    const review = await m.findOne(ReviewTask, { where: { orderId: order.orderId, department: 'QUALITY', status: 'DONE' }, order: { round: 'DESC' } });
    const codes = [...new Set(order.lines.flatMap((l) => (l.productCode ? [l.productCode] : [])))];
    const capabilities = codes.length ? await m.findBy(QualityCapability, { productCode: In(codes) }) : [];
    const items = draftInspectionPlan(
      order.lines,
      order.specialRequirements,
      reviewedStandards(review?.assessment.details),
      new Map(capabilities.map((c) => [c.productCode, c.inspectionNotes])),
    );
    const plan = m.create(InspectionPlan, { id: randomUUID(), orderId: order.orderId, orderNumber: order.number, items, reviewTaskId: review?.id ?? null, draftedAt: new Date() });
    await m.insert(InspectionPlan, plan);
    await this.results.open(m, order.orderId);
    await this.audit.record(m, {
      action: 'inspection-plan.drafted',
      entityType: 'inspection-plan',
      entityId: plan.id,
      orderId: order.orderId,
      reason: `${items.length} items${review ? `, with the standards attained in review round ${review.round}` : ', no quality review on record'}`,
      after: toInspectionPlanView(plan),
    });
    return plan;
  }

  /** The plan items the order would have with these lines (R8.2): the drafting rule on quality's own records. */
  async itemsFor(m: EntityManager, orderId: string, lines: ReceivedOrder['lines'], specialRequirements: ReceivedOrder['specialRequirements']): Promise<InspectionPlanItem[]> {
    const review = await m.findOne(ReviewTask, { where: { orderId, department: 'QUALITY', status: 'DONE' }, order: { round: 'DESC' } });
    const codes = [...new Set(lines.flatMap((l) => (l.productCode ? [l.productCode] : [])))];
    const capabilities = codes.length ? await m.findBy(QualityCapability, { productCode: In(codes) }) : [];
    return draftInspectionPlan(lines, specialRequirements, reviewedStandards(review?.assessment.details), new Map(capabilities.map((c) => [c.productCode, c.inspectionNotes])));
  }

  /** An applied change (R8.3): the issued order's plan drafted again from its changed lines; none before it is issued. */
  async redraft(m: EntityManager, orderId: string, lines: ReceivedOrder['lines'], specialRequirements: ReceivedOrder['specialRequirements'], version: number): Promise<InspectionPlan | null> {
    const plan = await m.findOne(InspectionPlan, { where: { orderId }, lock: { mode: 'pessimistic_write' } });
    if (!plan) return null;
    const before = toInspectionPlanView(plan);
    plan.items = await this.itemsFor(m, orderId, lines, specialRequirements);
    await m.save(plan);
    await this.audit.record(m, { action: 'inspection-plan.changed', entityType: 'inspection-plan', entityId: plan.id, orderId, reason: `order version ${version}`, before, after: toInspectionPlanView(plan) });
    return plan;
  }

  async list(query: ListInspectionPlansQuery): Promise<Page<InspectionPlanView>> {
    const [rows, total] = await this.dataSource.getRepository(InspectionPlan).findAndCount({
      where: query.orderId ? { orderId: query.orderId } : {},
      order: { draftedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(toInspectionPlanView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<InspectionPlanView> {
    const plan = await this.dataSource.getRepository(InspectionPlan).findOneBy({ id });
    if (!plan) throw new NotFoundProblem(`inspection plan ${id} does not exist`);
    return toInspectionPlanView(plan);
  }

  async ofOrder(m: EntityManager, orderId: string): Promise<InspectionPlanView | null> {
    const plan = await m.findOneBy(InspectionPlan, { orderId });
    return plan ? toInspectionPlanView(plan) : null;
  }
}
