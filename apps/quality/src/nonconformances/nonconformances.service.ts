import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { QualityNonconformanceClosedV1, QualityNonconformanceDispositionedV1, QualityNonconformanceRaisedV1 } from '@opm/contracts';
import { assertVersion, AuditLog, NotFoundProblem, Outbox, type Page, type Principal } from '@opm/platform';
import { DocumentNumbers } from '../numbering/document-number';
import { QualityResultsService } from '../results/quality-results.service';
import type { Inspection } from '../inspections/inspection.entity';
import type { DispositionDto } from './dto/disposition.dto';
import type { ListNonconformancesQuery } from './dto/list-nonconformances.query';
import { assertCanClose, assertCanDisposition } from './nonconformance-rules';
import { Nonconformance } from './nonconformance.entity';
import { NonconformanceView, toNonconformanceView } from './nonconformance.view';

/** Nonconformance notices (R5.3): raised by a failed lot, dispositioned and closed by the quality head. */
@Injectable()
export class NonconformancesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly numbers: DocumentNumbers,
    private readonly results: QualityResultsService,
  ) {}

  /** A failed lot's notice, numbered, in the inspection's transaction (the caller holds the order's results row). */
  async raise(m: EntityManager, inspection: Inspection): Promise<Nonconformance> {
    const nc = m.create(Nonconformance, {
      id: randomUUID(),
      number: await this.numbers.next(m, 'NONCONFORMANCE', inspection.inspectedAt),
      orderId: inspection.orderId,
      inspectionId: inspection.id,
      description: inspection.findings ?? `${inspection.stage} inspection of lot ${inspection.lot} failed`,
      status: 'OPEN',
      disposition: null,
      dispositionNote: null,
      dispositionedBy: null,
      dispositionedAt: null,
      raisedBy: inspection.inspectedBy,
      raisedAt: inspection.inspectedAt,
      closedBy: null,
      closedAt: null,
    });
    await m.save(nc);
    await this.outbox.publish(m, QualityNonconformanceRaisedV1, { orderId: nc.orderId }, {
      orderId: nc.orderId,
      nonconformanceId: nc.id,
      number: nc.number,
      inspectionId: inspection.id,
      stage: inspection.stage,
      lot: inspection.lot,
      description: nc.description,
      raisedBy: nc.raisedBy,
      raisedAt: nc.raisedAt.toISOString(),
    });
    return nc;
  }

  /** The quality head's disposition (rework, scrap, use as is, return to supplier); it may change until closing. */
  async disposition(id: string, dto: DispositionDto, principal: Principal, ifMatch: number | undefined): Promise<NonconformanceView> {
    return this.dataSource.transaction(async (m) => {
      const { nc } = await this.lockWithResults(m, id, 'disposition');
      assertVersion(`nonconformance ${nc.number}`, nc.version, ifMatch);
      assertCanDisposition(nc);
      const before = toNonconformanceView(nc);
      const previous = nc.disposition;
      const at = new Date();
      Object.assign(nc, { status: 'DISPOSITIONED', disposition: dto.disposition, dispositionNote: dto.note, dispositionedBy: principal.username, dispositionedAt: at });
      const saved = await m.save(nc);
      await this.outbox.publish(m, QualityNonconformanceDispositionedV1, { orderId: nc.orderId }, {
        orderId: nc.orderId,
        nonconformanceId: nc.id,
        number: nc.number,
        disposition: dto.disposition,
        previousDisposition: previous,
        note: dto.note,
        dispositionedBy: principal.username,
        dispositionedAt: at.toISOString(),
      });
      const after = toNonconformanceView(saved);
      await this.audit.record(m, {
        action: 'nonconformance.dispositioned',
        entityType: 'nonconformance',
        entityId: nc.id,
        orderId: nc.orderId,
        reason: `${dto.disposition}${previous ? ` (was ${previous})` : ''}: ${dto.note}`,
        before,
        after,
      });
      return after;
    });
  }

  /** Closing needs a disposition; the order's quality results change (one open nonconformance fewer). */
  async close(id: string, principal: Principal, ifMatch: number | undefined): Promise<NonconformanceView> {
    return this.dataSource.transaction(async (m) => {
      const { nc, results } = await this.lockWithResults(m, id, 'close');
      assertVersion(`nonconformance ${nc.number}`, nc.version, ifMatch);
      const disposition = assertCanClose(nc);
      const before = toNonconformanceView(nc);
      const at = new Date();
      Object.assign(nc, { status: 'CLOSED', closedBy: principal.username, closedAt: at });
      const saved = await m.save(nc);
      await this.outbox.publish(m, QualityNonconformanceClosedV1, { orderId: nc.orderId }, {
        orderId: nc.orderId,
        nonconformanceId: nc.id,
        number: nc.number,
        disposition,
        closedBy: principal.username,
        closedAt: at.toISOString(),
      });
      const changed = await this.results.changed(m, results, at);
      const after = toNonconformanceView(saved);
      await this.audit.record(m, {
        action: 'nonconformance.closed',
        entityType: 'nonconformance',
        entityId: nc.id,
        orderId: nc.orderId,
        reason: `closed after ${disposition}`,
        before,
        after: { ...after, results: changed },
      });
      return after;
    });
  }

  async list(query: ListNonconformancesQuery): Promise<Page<NonconformanceView>> {
    const [rows, total] = await this.dataSource.getRepository(Nonconformance).findAndCount({
      where: { ...(query.orderId ? { orderId: query.orderId } : {}), ...(query.status ? { status: query.status } : {}) },
      order: { raisedAt: 'ASC', number: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(toNonconformanceView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<NonconformanceView> {
    const nc = await this.dataSource.getRepository(Nonconformance).findOneBy({ id });
    if (!nc) throw new NotFoundProblem(`nonconformance ${id} does not exist`);
    return toNonconformanceView(nc);
  }

  async ofOrder(m: EntityManager, orderId: string): Promise<NonconformanceView[]> {
    return (await m.find(Nonconformance, { where: { orderId }, order: { raisedAt: 'ASC', number: 'ASC' } })).map(toNonconformanceView);
  }

  /** The order's results row first, then the notice (the lock order of every quality write on an order). */
  private async lockWithResults(m: EntityManager, id: string, action: string) {
    const found = await m.findOne(Nonconformance, { where: { id }, select: { id: true, orderId: true } });
    if (!found) throw new NotFoundProblem(`nonconformance ${id} does not exist`);
    const results = await this.results.lock(m, found.orderId, action);
    return { nc: await m.findOneOrFail(Nonconformance, { where: { id }, lock: { mode: 'pessimistic_write' } }), results };
  }
}
