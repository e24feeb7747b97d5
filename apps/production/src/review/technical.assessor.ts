import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Assessment, ReviewOrderSnapshot } from '@opm/contracts';
import type { ReviewAssessor } from '@opm/workflow';
import { Product } from '../catalog/product.entity';
import { technicalAssessment } from './technical-assessment';

/** The technical department's automatic assessment (R3.2) against production's own catalog. */
@Injectable()
export class TechnicalAssessor implements ReviewAssessor {
  readonly department = 'TECHNICAL' as const;

  async assess(m: EntityManager, order: ReviewOrderSnapshot): Promise<Assessment> {
    const codes = [...new Set(order.lines.flatMap((l) => (l.productCode ? [l.productCode] : [])))];
    const products = codes.length > 0 ? await m.find(Product, { where: { code: In(codes) } }) : [];
    return technicalAssessment(order, new Map(products.map((p) => [p.code, p])));
  }
}
