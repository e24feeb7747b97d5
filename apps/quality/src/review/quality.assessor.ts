import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Assessment, ReviewOrderSnapshot } from '@opm/contracts';
import type { ReviewAssessor } from '@opm/workflow';
import { QualityCapability } from '../standards/quality-capability.entity';
import { qualityAssessment } from './quality-assessment';

/** The quality department's automatic assessment (R3.4) against its own quality standards per product. */
@Injectable()
export class QualityAssessor implements ReviewAssessor {
  readonly department = 'QUALITY' as const;

  async assess(m: EntityManager, order: ReviewOrderSnapshot): Promise<Assessment> {
    const codes = [...new Set(order.lines.flatMap((l) => (l.productCode ? [l.productCode] : [])))];
    const capabilities = codes.length > 0 ? await m.find(QualityCapability, { where: { productCode: In(codes) } }) : [];
    return qualityAssessment(order, new Map(capabilities.map((c) => [c.productCode, c])));
  }
}
