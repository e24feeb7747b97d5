import type { FactoryProvider } from '@nestjs/common';
import type { Assessment } from '@opm/contracts';
import { ReviewAssessor } from './review-assessor';
import { ReviewTasksModule } from './review-tasks.module';
import { REVIEW_ASSESSORS } from './review-tasks.service';

class QualityAssessor implements ReviewAssessor {
  readonly department = 'QUALITY' as const;
  async assess(): Promise<Assessment> {
    return { clear: true, summary: 'ok', reasons: [], proposals: [], details: {} };
  }
}

function assessorsFactory(departments: ('QUALITY' | 'FINANCE')[]): FactoryProvider['useFactory'] {
  const provider = (ReviewTasksModule.forService('quality', { departments, assessors: [QualityAssessor] }).providers ?? []).find(
    (p): p is FactoryProvider => typeof p === 'object' && 'provide' in p && p.provide === REVIEW_ASSESSORS,
  );
  if (!provider) throw new Error('no REVIEW_ASSESSORS provider');
  return provider.useFactory;
}

describe(ReviewTasksModule.name, () => {
  it('R3.7 the departments the document lists are the ones the assessors answer for, or the service does not start', () => {
    const assessor = new QualityAssessor();
    expect(assessorsFactory(['QUALITY'])(assessor)).toEqual([assessor]);
    expect(() => assessorsFactory(['FINANCE'])(assessor)).toThrow('departments FINANCE declared, but the assessors are for QUALITY');
  });
});
