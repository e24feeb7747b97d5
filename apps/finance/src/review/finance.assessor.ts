import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Assessment, ReviewOrderSnapshot } from '@opm/contracts';
import type { ReviewAssessor } from '@opm/workflow';
import { FinanceCatalogProduct } from '../catalog/catalog-product.entity';
import { FINANCE_CONFIG, FinanceConfig } from '../config/finance-config';
import { costAssessment } from './cost-assessment';

/** The finance department's automatic cost-benefit assessment (R3.6) from its copy of the catalog's standard costs. */
@Injectable()
export class FinanceAssessor implements ReviewAssessor {
  readonly department = 'FINANCE' as const;

  constructor(@Inject(FINANCE_CONFIG) private readonly config: FinanceConfig) {}

  async assess(m: EntityManager, order: ReviewOrderSnapshot): Promise<Assessment> {
    const codes = [...new Set(order.lines.flatMap((l) => (l.productCode ? [l.productCode] : [])))];
    const products = codes.length > 0 ? await m.find(FinanceCatalogProduct, { where: { code: In(codes) } }) : [];
    return costAssessment(order, new Map(products.map((p) => [p.code, p])), {
      minMarginBp: this.config.FINANCE_MIN_MARGIN_PERCENT,
      overheadBp: this.config.FINANCE_OVERHEAD_PERCENT,
      labourBp: this.config.FINANCE_LABOUR_PERCENT,
    });
  }
}
