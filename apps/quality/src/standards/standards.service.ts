import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog, type Page } from '@opm/platform';
import { ListStandardsQuery } from './dto/list-standards.query';
import { QualityCapability } from './quality-capability.entity';
import type { QualityStandardView } from './quality-standard.view';

export interface QualityCapabilitySeed {
  productCode: string;
  attainableStandards: string[];
  inspectionNotes: string | null;
}

function toView(c: QualityCapability): QualityStandardView {
  return { productCode: c.productCode, attainableStandards: c.attainableStandards, inspectionNotes: c.inspectionNotes, updatedAt: c.updatedAt.toISOString() };
}

/** The quality standards quality can attain per product (R3.4), read by reviewers and by the quality review. */
@Injectable()
export class StandardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(query: ListStandardsQuery): Promise<Page<QualityStandardView>> {
    const [items, total] = await this.dataSource.getRepository(QualityCapability).findAndCount({
      where: query.productCode ? { productCode: query.productCode } : {},
      order: { productCode: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: items.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Demo seeding: inserts the product's capability unless quality already has one (a record quality has since
   * changed stays as changed; restarts and replicas starting together change nothing). True when inserted.
   */
  async insertIfMissing(m: EntityManager, seed: QualityCapabilitySeed): Promise<boolean> {
    const inserted: unknown[] = await m.query(
      `INSERT INTO quality_capability ("productCode", "attainableStandards", "inspectionNotes") VALUES ($1, $2, $3)
       ON CONFLICT ("productCode") DO NOTHING RETURNING "productCode"`,
      [seed.productCode, seed.attainableStandards, seed.inspectionNotes],
    );
    if (inserted.length === 0) return false;
    await this.audit.record(m, {
      action: 'quality-capability.created',
      entityType: 'quality-capability',
      entityId: seed.productCode,
      reason: 'demo data',
      after: toView(await m.findOneByOrFail(QualityCapability, { productCode: seed.productCode })),
    });
    return true;
  }
}
