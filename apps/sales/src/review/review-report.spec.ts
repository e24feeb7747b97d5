import { REVIEW_DEPARTMENTS } from '@opm/contracts';
import { AnsweredTask, consolidate } from './review-report';

const answered = (over: Partial<AnsweredTask> = {}): AnsweredTask[] =>
  REVIEW_DEPARTMENTS.map((department) => ({
    department,
    status: 'DONE',
    reviewer: `${department.toLowerCase()}.head`,
    reviewerRole: 'HEAD',
    decidedAt: new Date('2026-11-26T10:00:00Z'),
    autoConfirmed: false,
    assessment: { clear: true, summary: 'ok', reasons: [], proposals: [], details: {} },
    conclusion: 'PASS',
    opinion: 'fine',
    proposals: [],
    escalatedAt: null,
    ...(department === 'FINANCE' ? over : {}),
  }));

describe(consolidate.name, () => {
  it('R3.7 R3.8 passes when all five pass, with each department\'s reviewer, time, assessment, opinion and conclusion', () => {
    const report = consolidate(1, answered());
    expect(report?.conclusion).toBe('PASS');
    expect(report?.departments.map((d) => d.department)).toEqual([...REVIEW_DEPARTMENTS]);
    expect(report?.departments[0]).toMatchObject({ reviewer: 'technical.head', decidedAt: '2026-11-26T10:00:00.000Z', conclusion: 'PASS', opinion: 'fine' });
    expect(report?.departments[0].assessment).toMatchObject({ clear: true });
  });

  it('R3.7 any FAIL fails the round, with the reasons and proposals', () => {
    const report = consolidate(2, answered({ conclusion: 'FAIL', opinion: 'margin 8% below 15%', proposals: ['raise price to 14.20'], escalatedAt: new Date() }));
    expect(report).toMatchObject({ round: 2, conclusion: 'FAIL', reasons: ['FINANCE: margin 8% below 15% (proposals: raise price to 14.20)'] });
    expect(report?.departments.find((d) => d.department === 'FINANCE')?.wasOverdue).toBe(true);
  });

  it('R3.7 waits while any department has not answered', () => {
    expect(consolidate(1, answered({ status: 'OPEN', conclusion: null }))).toBeNull();
    expect(consolidate(1, answered().slice(1))).toBeNull();
  });
});
