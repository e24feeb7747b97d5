import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { QualityInspectionRecordedV1 } from '@opm/contracts';
import { AuditLog, inTransaction, Outbox, type Page, type Principal } from '@opm/platform';
import { Nonconformance } from '../nonconformances/nonconformance.entity';
import { NonconformancesService } from '../nonconformances/nonconformances.service';
import { DocumentNumbers } from '../numbering/document-number';
import { QualityResultsService } from '../results/quality-results.service';
import type { ListInspectionsQuery } from './dto/list-inspections.query';
import type { RecordInspectionDto } from './dto/record-inspection.dto';
import { Inspection } from './inspection.entity';
import { InspectionView, toInspectionView } from './inspection.view';

/**
 * Inspections of an issued order's lots (R5.3). A passed lot gets its numbered inspection report, a failed one a
 * numbered nonconformance; the order's quality results change and are announced, all in one transaction.
 */
@Injectable()
export class InspectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly numbers: DocumentNumbers,
    private readonly results: QualityResultsService,
    private readonly nonconformances: NonconformancesService,
  ) {}

  async record(dto: RecordInspectionDto, principal: Principal): Promise<InspectionView> {
    // Joins the Idempotency-Key's transaction, so the key, the inspection and the stored answer commit together.
    return inTransaction(this.dataSource, async (m) => {
      const locked = await this.results.lock(m, dto.orderId, 'inspect');
      const at = new Date();
      const passed = dto.result === 'PASS';
      const inspection = m.create(Inspection, {
        id: randomUUID(),
        orderId: dto.orderId,
        stage: dto.stage,
        lot: dto.lot,
        quantityInspected: dto.quantityInspected,
        result: dto.result,
        findings: dto.findings ?? null,
        reportNumber: passed ? await this.numbers.next(m, 'INSPECTION_REPORT', at) : null,
        inspectedBy: principal.username,
        inspectedAt: at,
      });
      await m.insert(Inspection, inspection);
      const nc = passed ? null : await this.nonconformances.raise(m, inspection);
      await this.outbox.publish(m, QualityInspectionRecordedV1, { orderId: dto.orderId }, {
        orderId: dto.orderId,
        inspectionId: inspection.id,
        stage: inspection.stage,
        lot: inspection.lot,
        quantityInspected: inspection.quantityInspected,
        result: inspection.result,
        findings: inspection.findings,
        reportNumber: inspection.reportNumber,
        nonconformanceId: nc?.id ?? null,
        inspectedBy: inspection.inspectedBy,
        inspectedAt: at.toISOString(),
      });
      const results = await this.results.changed(m, locked, at);
      const view = toInspectionView(inspection, nc ? { id: nc.id, number: nc.number } : null);
      await this.audit.record(m, {
        action: 'inspection.recorded',
        entityType: 'inspection',
        entityId: inspection.id,
        orderId: dto.orderId,
        reason: passed ? `lot ${dto.lot} passed: report ${inspection.reportNumber}` : `lot ${dto.lot} failed: nonconformance ${nc?.number}`,
        after: { ...view, results },
      });
      if (nc) {
        await this.audit.record(m, { action: 'nonconformance.raised', entityType: 'nonconformance', entityId: nc.id, orderId: dto.orderId, reason: nc.description, after: nc });
      }
      return view;
    });
  }

  async list(query: ListInspectionsQuery): Promise<Page<InspectionView>> {
    const [rows, total] = await this.dataSource.getRepository(Inspection).findAndCount({
      where: { ...(query.orderId ? { orderId: query.orderId } : {}), ...(query.stage ? { stage: query.stage } : {}) },
      order: { inspectedAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const ncs = rows.length ? await this.dataSource.getRepository(Nonconformance).find({ where: { inspectionId: In(rows.map((r) => r.id)) }, select: { id: true, number: true, inspectionId: true } }) : [];
    const byInspection = new Map(ncs.map((n) => [n.inspectionId, { id: n.id, number: n.number }]));
    return { items: rows.map((r) => toInspectionView(r, byInspection.get(r.id) ?? null)), total, page: query.page, pageSize: query.pageSize };
  }
}
