import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Assessment, ReviewOrderSnapshot } from '@opm/contracts';
import type { AssessmentContext, ReviewAssessor } from '@opm/workflow';
import { BillOfMaterials } from '../boms/bill-of-materials.entity';
import { PurchasingCatalogProduct } from '../catalog/catalog-product.entity';
import { PURCHASING_CONFIG, PurchasingConfig } from '../config/purchasing-config';
import { Supplier } from '../suppliers/supplier.entity';
import { fromMilliUnits, isoDay } from '@opm/contracts';
import { stockPositions } from '../stock/reservations';
import { MaterialOffer, materialsAssessment, StockForReview } from './materials-assessment';

/** The purchasing department's automatic assessment (R3.5): bills of materials, stock, suppliers, lead times. */
@Injectable()
export class PurchasingAssessor implements ReviewAssessor {
  readonly department = 'PURCHASING' as const;

  constructor(@Inject(PURCHASING_CONFIG) private readonly config: PurchasingConfig) {}

  async assess(m: EntityManager, order: ReviewOrderSnapshot, ctx: AssessmentContext): Promise<Assessment> {
    const codes = [...new Set(order.lines.flatMap((l) => (l.productCode ? [l.productCode] : [])))];
    const products = codes.length > 0 ? await m.find(PurchasingCatalogProduct, { where: { code: In(codes) } }) : [];
    const bomRefs = [...new Set(products.flatMap((p) => (p.bomRef ? [p.bomRef] : [])))];
    const boms = bomRefs.length > 0 ? await m.find(BillOfMaterials, { where: { bomRef: In(bomRefs) } }) : [];
    const materials = [...new Set(boms.flatMap((b) => b.lines.map((l) => l.material)))];
    // Free stock (R5.2): on hand minus what other orders hold, exact, so two orders never count the same stock.
    const positions = await stockPositions(m, materials, order.orderId);
    const suppliers =
      materials.length > 0
        ? await m
            .getRepository(Supplier)
            .createQueryBuilder('s')
            .where('s.active = true')
            .andWhere(`EXISTS (SELECT 1 FROM jsonb_array_elements(s.materials) e WHERE e->>'material' = ANY(:materials))`, { materials })
            .getMany()
        : [];

    const wanted = new Set(materials);
    const offers = new Map<string, MaterialOffer[]>();
    for (const s of suppliers) {
      for (const offer of s.materials.filter((x) => wanted.has(x.material))) {
        offers.set(offer.material, [
          ...(offers.get(offer.material) ?? []),
          { supplier: s.code, name: s.name, rating: s.rating, leadTimeDays: offer.leadTimeDays, unitPrice: offer.unitPrice, currency: offer.currency },
        ]);
      }
    }
    return materialsAssessment({
      order,
      products: new Map(products.map((p) => [p.code, p])),
      boms: new Map(boms.map((b) => [b.bomRef, b])),
      stock: new Map<string, StockForReview>([...positions.values()].map((s) => [s.material, { onHand: fromMilliUnits(s.free), unit: s.unit }])),
      offers,
      today: isoDay(ctx.now),
      bufferDays: this.config.PURCHASING_ORDER_BUFFER_DAYS,
    });
  }
}
