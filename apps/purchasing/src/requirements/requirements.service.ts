import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { fromMilliUnits, PurchasingRequirementsComputedV1 } from '@opm/contracts';
import { AuditLog, Outbox, type Page } from '@opm/platform';
import type { ReceivedOrder } from '@opm/workflow';
import { BillOfMaterials } from '../boms/bill-of-materials.entity';
import { PurchasingCatalogProduct } from '../catalog/catalog-product.entity';
import { PURCHASING_CONFIG, PurchasingConfig } from '../config/purchasing-config';
import { milliOf, type StockPosition, StockReservations } from '../stock/reservations';
import { Supplier } from '../suppliers/supplier.entity';
import type { ListRequirementsQuery } from './dto/list-requirements.query';
import { MaterialRequirement } from './material-requirement.entity';
import { type MaterialRequirementView, toRequirementView } from './requirement.view';
import { type ComputedRequirement, computeRequirements, type RequirementOffer, type RequirementsResult } from './requirements-rules';

/**
 * Material requirements of an issued order (R5.2), computed in the transaction that records the issued version (the
 * inbox makes it once per order): the rule is `computeRequirements`; this loads its inputs, reserves the free stock it
 * grants under the stock rows' locks, stores the requirements and announces them.
 */
@Injectable()
export class RequirementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PURCHASING_CONFIG) private readonly config: PurchasingConfig,
    private readonly reservations: StockReservations,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async compute(m: EntityManager, order: ReceivedOrder, now = new Date()): Promise<void> {
    // Once per order, as production drafts its plan once: a later issue of the same order (a change, R8.3) keeps them.
    if (await m.findOneBy(MaterialRequirement, { orderId: order.orderId })) return;
    // Lock order: the stock rows (material order), then the reservations and requirements written here, then audit.
    const { result, positions } = await this.computeFor(m, order, { lock: true });

    await this.store(m, order.orderId, result, positions, now, 'requirements.computed');
  }

  /**
   * The requirements of an order as it is or would be (R5.2, R8.2): its lines' bills of materials against the free
   * stock (other orders' reservations counted, its own not), the active offers. `lock` takes the stock rows first, for a
   * caller that reserves.
   */
  async computeFor(
    m: EntityManager,
    order: Pick<ReceivedOrder, 'orderId' | 'lines' | 'deliveryDate'>,
    options: { lock: boolean; countOwnReservations?: boolean },
  ): Promise<{ result: RequirementsResult; positions: Map<string, StockPosition> }> {
    const codes = [...new Set(order.lines.flatMap((l) => (l.productCode ? [l.productCode] : [])))];
    const products = codes.length > 0 ? await m.find(PurchasingCatalogProduct, { where: { code: In(codes) } }) : [];
    const bomRefs = [...new Set(products.flatMap((p) => (p.bomRef ? [p.bomRef] : [])))];
    const boms = bomRefs.length > 0 ? await m.find(BillOfMaterials, { where: { bomRef: In(bomRefs) } }) : [];
    const materials = [...new Set(boms.flatMap((b) => b.lines.map((l) => l.material)))].sort();
    const forOrder = options.countOwnReservations ? null : order.orderId;
    const positions = options.lock ? await this.reservations.lockPositions(m, materials, forOrder) : await this.reservations.positions(m, materials, forOrder);
    const offers = await this.offersFor(m, materials);
    const result = computeRequirements({
      lines: order.lines.map((l) => ({ lineNo: l.lineNo, productCode: l.productCode ?? null, quantity: l.quantity })),
      products: new Map(products.map((p) => [p.code, { bomRef: p.bomRef, leadTimeDays: p.leadTimeDays }])),
      boms: new Map(boms.map((b) => [b.bomRef, b])),
      stock: new Map([...positions.values()].map((p) => [p.material, { unit: p.unit, free: p.free }])),
      offers,
      deliveryDate: order.deliveryDate,
      bufferDays: this.config.PURCHASING_ORDER_BUFFER_DAYS,
    });
    return { result, positions };
  }

  /** The order's requirements as stored, in the rule's terms (thousandths). */
  async storedOf(m: EntityManager, orderId: string): Promise<ComputedRequirement[]> {
    const rows = await m.find(MaterialRequirement, { where: { orderId }, order: { materialCode: 'ASC' } });
    return rows.map((r) => ({
      materialCode: r.materialCode,
      unit: r.unit,
      lines: r.lines,
      required: milliOf(r.required),
      reserved: milliOf(r.reserved),
      toPurchase: milliOf(r.toPurchase),
      neededBy: r.neededBy,
      latestOrderDate: r.latestOrderDate,
      supplierId: r.supplierId,
      standardUnitCost: r.standardUnitCost,
      currency: r.currency,
    }));
  }

  /**
   * An applied change (R8.3): the requirements computed again for the changed order replace the stored ones, the
   * order's stock reservations are taken again (released, then reserved up to the new need), and the new figures are
   * announced (finance's reserved-stock cost follows the latest computation).
   */
  async recompute(m: EntityManager, order: Pick<ReceivedOrder, 'orderId' | 'lines' | 'deliveryDate'>, reason: string, now = new Date()): Promise<void> {
    // The stock rows first (lock order), then the order's stock reservations given back; what it holds from its own
    // receipts stays held and counts as taken, so received goods are never reserved twice.
    await this.computeFor(m, order, { lock: true });
    await m.query(`UPDATE stock_reservation SET "releasedAt" = $2, "releaseReason" = $3 WHERE "orderId" = $1 AND source = 'STOCK' AND "releasedAt" IS NULL`, [order.orderId, now, reason]);
    const { result, positions } = await this.computeFor(m, order, { lock: false, countOwnReservations: true });
    await m.delete(MaterialRequirement, { orderId: order.orderId });
    await this.store(m, order.orderId, result, positions, now, 'requirements.recomputed');
  }

  private async store(m: EntityManager, orderId: string, result: RequirementsResult, positions: Map<string, StockPosition>, now: Date, action: string): Promise<void> {
    const rows: MaterialRequirement[] = [];
    for (const r of result.requirements) {
      if (positions.has(r.materialCode)) {
        await this.reservations.reserve(m, { orderId: orderId, material: r.materialCode, quantity: r.reserved, source: 'STOCK', at: now });
      }
      rows.push(
        m.create(MaterialRequirement, {
          orderId: orderId,
          materialCode: r.materialCode,
          unit: r.unit,
          lines: r.lines,
          required: fromMilliUnits(r.required),
          reserved: fromMilliUnits(r.reserved),
          toPurchase: fromMilliUnits(r.toPurchase),
          neededBy: r.neededBy,
          latestOrderDate: r.latestOrderDate,
          supplierId: r.supplierId,
          standardUnitCost: r.standardUnitCost,
          currency: r.currency,
          computedAt: now,
        }),
      );
    }
    if (rows.length > 0) await m.insert(MaterialRequirement, rows);
    const views = rows.map(toRequirementView);
    await this.outbox.publish(m, PurchasingRequirementsComputedV1, { orderId: orderId }, {
      orderId: orderId,
      requirements: views.map((v) => ({
        materialCode: v.materialCode,
        unit: v.unit,
        required: v.required,
        reserved: v.reserved,
        toPurchase: v.toPurchase,
        latestOrderDate: v.latestOrderDate,
        standardUnitCost: v.standardUnitCost,
        currency: v.currency,
      })),
      computedAt: now.toISOString(),
    });
    await this.audit.record(m, {
      action,
      entityType: 'order',
      entityId: orderId,
      orderId: orderId,
      reason:
        result.unresolvedLines.length > 0
          ? `materials unknown for lines ${result.unresolvedLines.join(', ')} (no bill of materials on file)`
          : `${views.length} materials, ${views.filter((v) => v.toPurchase !== '0').length} to purchase`,
      after: views,
    });
  }

  async list(query: ListRequirementsQuery): Promise<Page<MaterialRequirementView>> {
    const [rows, total] = await this.dataSource.getRepository(MaterialRequirement).findAndCount({
      where: query.orderId ? { orderId: query.orderId } : {},
      order: { computedAt: 'ASC', orderId: 'ASC', materialCode: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(toRequirementView), total, page: query.page, pageSize: query.pageSize };
  }

  async ofOrder(orderId: string): Promise<MaterialRequirementView[]> {
    const rows = await this.dataSource.getRepository(MaterialRequirement).find({ where: { orderId }, order: { materialCode: 'ASC' } });
    return rows.map(toRequirementView);
  }

  private async offersFor(m: EntityManager, materials: readonly string[]): Promise<Map<string, RequirementOffer[]>> {
    const offers = new Map<string, RequirementOffer[]>();
    if (materials.length === 0) return offers;
    const suppliers = await m
      .getRepository(Supplier)
      .createQueryBuilder('s')
      .where('s.active = true')
      .andWhere(`EXISTS (SELECT 1 FROM jsonb_array_elements(s.materials) e WHERE e->>'material' = ANY(:materials))`, { materials })
      .getMany();
    const wanted = new Set(materials);
    for (const s of suppliers) {
      for (const o of s.materials.filter((x) => wanted.has(x.material))) {
        offers.set(o.material, [...(offers.get(o.material) ?? []), { supplier: s.code, leadTimeDays: o.leadTimeDays, unitPrice: o.unitPrice, currency: o.currency }]);
      }
    }
    return offers;
  }
}
