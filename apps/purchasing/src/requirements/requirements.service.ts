import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { fromMilliUnits, PurchasingRequirementsComputedV1 } from '@opm/contracts';
import { AuditLog, Outbox, type Page } from '@opm/platform';
import type { ReceivedOrder } from '@opm/workflow';
import { BillOfMaterials } from '../boms/bill-of-materials.entity';
import { PurchasingCatalogProduct } from '../catalog/catalog-product.entity';
import { PURCHASING_CONFIG, PurchasingConfig } from '../config/purchasing-config';
import { StockReservations } from '../stock/reservations';
import { Supplier } from '../suppliers/supplier.entity';
import type { ListRequirementsQuery } from './dto/list-requirements.query';
import { MaterialRequirement } from './material-requirement.entity';
import { type MaterialRequirementView, toRequirementView } from './requirement.view';
import { computeRequirements, type RequirementOffer } from './requirements-rules';

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
    const codes = [...new Set(order.lines.flatMap((l) => (l.productCode ? [l.productCode] : [])))];
    const products = codes.length > 0 ? await m.find(PurchasingCatalogProduct, { where: { code: In(codes) } }) : [];
    const bomRefs = [...new Set(products.flatMap((p) => (p.bomRef ? [p.bomRef] : [])))];
    const boms = bomRefs.length > 0 ? await m.find(BillOfMaterials, { where: { bomRef: In(bomRefs) } }) : [];
    const materials = [...new Set(boms.flatMap((b) => b.lines.map((l) => l.material)))].sort();
    // Lock order: the stock rows (material order), then the reservations and requirements written here, then audit.
    const positions = await this.reservations.lockPositions(m, materials, order.orderId);
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

    const rows: MaterialRequirement[] = [];
    for (const r of result.requirements) {
      if (positions.has(r.materialCode)) {
        await this.reservations.reserve(m, { orderId: order.orderId, material: r.materialCode, quantity: r.reserved, source: 'STOCK', at: now });
      }
      rows.push(
        m.create(MaterialRequirement, {
          orderId: order.orderId,
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
    await this.outbox.publish(m, PurchasingRequirementsComputedV1, { orderId: order.orderId }, {
      orderId: order.orderId,
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
      action: 'requirements.computed',
      entityType: 'order',
      entityId: order.orderId,
      orderId: order.orderId,
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
