import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ProductionProductUpdatedV1 } from '@opm/contracts';
import { assertVersion, AuditLog, BusinessRuleProblem, ConflictProblem, inTransaction, NotFoundProblem, Outbox, type Page } from '@opm/platform';
import { WorkCentresService } from '../work-centres/work-centres.service';
import { CreateProductDto, ReplaceProductDto } from './dto/product.dto';
import { capacityUseProblems, productChanged, ProductPayload, toProductPayload } from './product-rules';
import { Product } from './product.entity';
import type { ProductView } from './product.view';

export interface ProductListQuery {
  active?: boolean;
  page: number;
  pageSize: number;
}

function toView(p: Product): ProductView {
  return { ...toProductPayload(p), version: p.version, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
}

/**
 * The product catalog production owns (R2.2, R2.4, R3.2). Every create or change is one transaction with its
 * audit entry and its `production.product.updated` event (keyed by product code), so every copy follows (N2).
 */
@Injectable()
export class ProductsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly workCentres: WorkCentresService,
  ) {}

  async list(query: ProductListQuery): Promise<Page<ProductView>> {
    const [products, total] = await this.dataSource.getRepository(Product).findAndCount({
      where: query.active === undefined ? {} : { active: query.active },
      order: { code: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: products.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(code: string): Promise<ProductView> {
    const product = await this.dataSource.getRepository(Product).findOneBy({ code });
    if (!product) throw new NotFoundProblem(`product ${code} not found`);
    return toView(product);
  }

  async create(dto: CreateProductDto): Promise<ProductView> {
    const payload = toProductPayload({ ...dto, bomRef: dto.bomRef ?? null, active: dto.active ?? true });
    return inTransaction(this.dataSource, async (m) => {
      await this.checkCapacityUse(m, payload);
      if (!(await this.insertIfMissing(m, payload))) throw new ConflictProblem(`product ${payload.code} already exists; change it with PUT /products/${payload.code}`);
      return this.announce(m, payload.code, 'product.created', null);
    });
  }

  /** Replaces everything but the code (PUT); `expectedVersion` from If-Match guards against lost updates (N3). */
  async replace(code: string, dto: ReplaceProductDto, expectedVersion: number | undefined): Promise<ProductView> {
    return this.dataSource.transaction(async (m) => {
      // Locked so two concurrent replacements are applied one after the other and the second sees the first's version.
      const current = await m.findOne(Product, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundProblem(`product ${code} not found`);
      assertVersion(`product ${code}`, current.version, expectedVersion);
      const next = toProductPayload({ ...dto, code, bomRef: dto.bomRef ?? null });
      await this.checkCapacityUse(m, next);
      if (!productChanged(current, next)) return toView(current);
      const before = toView(current);
      await m.update(Product, { code }, {
        name: next.name,
        specifications: next.specifications,
        leadTimeDays: next.leadTimeDays,
        capacityUse: next.capacityUse,
        bomRef: next.bomRef,
        standardCost: next.standardCost,
        currency: next.currency,
        active: next.active,
        version: current.version + 1,
      });
      return this.announce(m, code, 'product.changed', before);
    });
  }

  /**
   * Inserts the product unless its code exists (demo seeding at start-up, and create); true when this call
   * created it, in which case the caller announces it. ON CONFLICT makes concurrent starts and restarts harmless.
   */
  async insertIfMissing(m: EntityManager, p: ProductPayload): Promise<boolean> {
    const inserted: unknown[] = await m.query(
      `INSERT INTO product (code, name, specifications, "leadTimeDays", "capacityUse", "bomRef", "standardCost", currency, active, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [p.code, p.name, p.specifications, p.leadTimeDays, JSON.stringify(p.capacityUse), p.bomRef, p.standardCost, p.currency, p.active],
    );
    return inserted.length > 0;
  }

  /** Audit entry and event for the product as it now stands, in the caller's transaction. */
  async announce(m: EntityManager, code: string, action: string, before: ProductView | null, reason?: string): Promise<ProductView> {
    const after = toView(await m.findOneByOrFail(Product, { code }));
    await this.audit.record(m, { action, entityType: 'product', entityId: code, reason: reason ?? null, before: before ?? undefined, after });
    await this.outbox.publish(m, ProductionProductUpdatedV1, { key: code }, toProductPayload(after));
    return after;
  }

  private async checkCapacityUse(m: EntityManager, p: ProductPayload): Promise<void> {
    const problems = capacityUseProblems(p.capacityUse, await this.workCentres.knownCodes(m));
    if (problems.length > 0) {
      throw new BusinessRuleProblem(`capacity use names unknown or repeated work centres: ${problems.map((e) => e.field).join(', ')}`, { errors: problems });
    }
  }
}
