import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { QualityOrderResultsChangedV1 } from '@opm/contracts';
import { ConflictProblem, NotFoundProblem, Outbox } from '@opm/platform';
import { ReceivedOrder } from '@opm/workflow';
import { Inspection } from '../inspections/inspection.entity';
import { Nonconformance } from '../nonconformances/nonconformance.entity';
import { QualityOrderResults } from './order-results.entity';
import { type QualityResults, qualityResults } from './quality-results';
import type { QualityResultsView } from './quality-results.view';

/**
 * The order's quality results (R5.3): the row every change locks first (so concurrent inspections of one order
 * queue, and revisions are announced in order), the counts derived from the records, and the event sales follows.
 */
@Injectable()
export class QualityResultsService {
  constructor(private readonly outbox: Outbox) {}

  /** The order reached execution in quality (issued): nothing inspected yet, revision 0. */
  async open(m: EntityManager, orderId: string): Promise<void> {
    await m.createQueryBuilder().insert().into(QualityOrderResults).values({ orderId, revision: 0, changedAt: null }).orIgnore().execute();
  }

  /**
   * Locks the order's results for a change: 404 when the order never reached quality, 409 while it has not been
   * issued to it (quality inspects against an issued order's plan).
   */
  async lock(m: EntityManager, orderId: string, action: string): Promise<QualityOrderResults> {
    const row = await m.getRepository(QualityOrderResults).findOne({ where: { orderId }, lock: { mode: 'pessimistic_write' } });
    if (row) return row;
    const copy = await m.findOneBy(ReceivedOrder, { orderId });
    if (!copy) throw new NotFoundProblem(`order ${orderId} has not reached quality`);
    throw new ConflictProblem(`order ${copy.number} has not been issued to quality yet: quality inspects an order once it is issued, against its inspection plan`, {
      currentStatus: 'NOT_ISSUED',
      action,
    });
  }

  async current(m: EntityManager, orderId: string): Promise<QualityResults> {
    const [inspections, nonconformances] = await Promise.all([
      m.find(Inspection, { where: { orderId }, select: { stage: true, result: true } }),
      m.find(Nonconformance, { where: { orderId }, select: { status: true } }),
    ]);
    return qualityResults(inspections, nonconformances);
  }

  /** After a change of the records under `lock`: the next revision, announced in the same transaction. */
  async changed(m: EntityManager, locked: QualityOrderResults, at: Date): Promise<QualityResultsView> {
    const revision = locked.revision + 1;
    await m.update(QualityOrderResults, { orderId: locked.orderId }, { revision, changedAt: at });
    const results = await this.current(m, locked.orderId);
    await this.outbox.publish(m, QualityOrderResultsChangedV1, { orderId: locked.orderId }, { orderId: locked.orderId, revision, ...results, changedAt: at.toISOString() });
    return { revision, ...results, changedAt: at.toISOString() };
  }

  /** The results as shown; null while the order has not been issued to quality. */
  async view(m: EntityManager, orderId: string): Promise<QualityResultsView | null> {
    const row = await m.findOneBy(QualityOrderResults, { orderId });
    if (!row) return null;
    return { revision: row.revision, ...(await this.current(m, orderId)), changedAt: row.changedAt?.toISOString() ?? null };
  }
}
