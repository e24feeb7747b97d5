import { departmentWeeklyReport, type IsoWeek, isoWeekOf, leadershipWeeklyReport, parseIsoWeek, type ReportEntry } from './weekly-report';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';
// 2026-W49: Monday 2026-11-30 to Monday 2026-12-07 (UTC).
const week = (label: string): IsoWeek => {
  const parsed = parseIsoWeek(label);
  if (!parsed) throw new Error(label);
  return parsed;
};
const WEEK = week('2026-W49');
const IN = '2026-12-02T10:00:00.000Z';
const BEFORE = '2026-11-29T23:59:59.000Z';
const AFTER = '2026-12-07T00:00:00.000Z';

let seq = 0;
const e = (orderId: string, kind: ReportEntry['kind'], at = IN, data: Record<string, unknown> = {}, refId = `ref-${++seq}`): ReportEntry => ({ orderId, seq: ++seq, at, kind, refId, data });

/** A's week: released, progress, two tasks done, a MAJOR problem raised and resolved, a MINOR raised last week resolved now; B: purchasing and quality. */
const entries: ReportEntry[] = [
  e(A, 'PROBLEM_RAISED', BEFORE, { severity: 'MINOR' }, 'p-old'),
  e(A, 'PLAN_RELEASED', IN, { plannedEnd: '2027-04-20T17:00:00.000Z', late: false }),
  e(A, 'TASK_PROGRESSED', IN, { status: 'IN_PROGRESS', progressPercent: 40 }),
  e(A, 'TASK_PROGRESSED', IN, { status: 'DONE', progressPercent: 100 }),
  e(A, 'TASK_PROGRESSED', IN, { status: 'DONE', progressPercent: 100 }),
  e(A, 'PROBLEM_RAISED', IN, { severity: 'MAJOR' }, 'p-new'),
  e(A, 'PROBLEM_RESOLVED', IN, {}, 'p-new'),
  e(A, 'PROBLEM_RESOLVED', IN, {}, 'p-old'),
  e(A, 'PLAN_COMPLETED', AFTER, { quantityProduced: 100 }),
  e(B, 'CONTRACT_SIGNED', IN, {}, 'c-1'),
  e(B, 'CONTRACT_DELAYED', IN, { newDeliveryDate: '2027-02-03' }, 'c-1'),
  e(B, 'CONTRACT_OVERDUE', IN, {}, 'c-1'),
  e(B, 'RECEIPT_RECORDED', IN, {}, 'r-1'),
  e(B, 'RECEIPT_INSPECTED', IN, { result: 'ACCEPTED' }, 'r-1'),
  e(B, 'RECEIPT_INSPECTED', IN, { result: 'REJECTED' }, 'r-2'),
  e(B, 'INSPECTION_RECORDED', IN, { stage: 'FINAL', result: 'FAIL' }),
  e(B, 'NONCONFORMANCE_RAISED', IN, {}, 'nc-1'),
  e(B, 'INSPECTION_RECORDED', IN, { stage: 'FINAL', result: 'PASS' }),
  e(B, 'NONCONFORMANCE_CLOSED', IN, {}, 'nc-1'),
  e(C, 'STATUS_CHANGED', BEFORE),
];

describe('ISO weeks', () => {
  it('R6.5 2026-W49 runs from Monday 30 November to Monday 7 December, UTC', () => {
    expect(WEEK).toEqual({ label: '2026-W49', from: '2026-11-30T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' });
  });
  it('R6.5 week 1 holds the year\'s first Thursday; week 53 only where the year has it', () => {
    expect(parseIsoWeek('2027-W01')?.from).toBe('2027-01-04T00:00:00.000Z');
    expect(parseIsoWeek('2026-W01')?.from).toBe('2025-12-29T00:00:00.000Z');
    expect(parseIsoWeek('2026-W53')?.from).toBe('2026-12-28T00:00:00.000Z');
    expect(parseIsoWeek('2027-W53')).toBeNull();
  });
  it('R6.5 refuses what is not yyyy-Www', () => {
    for (const bad of ['2026-49', '2026-W4', '2026-W00', '2026-W54', 'W49', '2026-w49', '']) expect(parseIsoWeek(bad)).toBeNull();
  });
  it('R6.5 a moment\'s week', () => {
    expect(isoWeekOf(new Date('2026-12-03T13:00:00Z'))).toBe('2026-W49');
    expect(isoWeekOf(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2025-12-29T00:00:00Z'))).toBe('2026-W01');
  });
});

describe('weekly department reports (R6.5)', () => {
  it('R6.5 production: orders advanced, tasks done, problems opened and closed by severity, only within the week', () => {
    expect(departmentWeeklyReport(WEEK, 'PRODUCTION', entries)).toEqual({
      week: '2026-W49',
      from: WEEK.from,
      to: WEEK.to,
      department: 'PRODUCTION',
      orders: 1,
      production: {
        ordersAdvanced: 1,
        plansReleased: 1,
        plansCompleted: 0,
        tasksDone: 2,
        progressReports: 3,
        problemsOpened: { total: 1, MINOR: 0, MAJOR: 1 },
        problemsClosed: { total: 2, MINOR: 1, MAJOR: 1 },
      },
      purchasing: null,
      quality: null,
    });
  });

  it('R6.5 purchasing: contracts signed, receipts, late deliveries, receipt inspections', () => {
    expect(departmentWeeklyReport(WEEK, 'PURCHASING', entries)).toMatchObject({
      orders: 1,
      production: null,
      purchasing: { contractsSigned: 1, receipts: 1, deliveriesLate: 2, contractsLate: 1, receiptInspections: { accepted: 1, rejected: 1 } },
      quality: null,
    });
  });

  it('R6.5 quality: inspections passed and failed, nonconformances opened and closed', () => {
    expect(departmentWeeklyReport(WEEK, 'QUALITY', entries)).toMatchObject({ orders: 1, quality: { inspectionsPassed: 1, inspectionsFailed: 1, nonconformancesOpened: 1, nonconformancesClosed: 1 } });
  });

  it('R6.5 a week with nothing in it counts nothing', () => {
    const empty = departmentWeeklyReport(week('2026-W40'), 'PRODUCTION', entries);
    expect(empty.orders).toBe(0);
    expect(empty.production).toMatchObject({ plansReleased: 0, tasksDone: 0, problemsOpened: { total: 0 } });
  });
});

describe('leadership execution report (R6.5)', () => {
  const outlooks = [
    { orderId: B, number: 'SO-2026-000002', customer: 'Beta', status: 'IN_EXECUTION', promisedDate: '2027-02-01', expectedDate: '2027-02-03' },
    { orderId: A, number: 'SO-2026-000001', customer: 'Alpha', status: 'IN_EXECUTION', promisedDate: '2027-05-01', expectedDate: '2027-04-20' },
    { orderId: C, number: 'SO-2026-000003', customer: 'Gamma', status: 'ISSUED', promisedDate: '2027-05-01', expectedDate: null },
  ];

  it('R6.5 per order active in the week: the three departments\' figures, status, promised and expected delivery; totals over them', () => {
    const report = leadershipWeeklyReport(WEEK, entries, outlooks);
    expect(report.orders.map((o) => [o.number, o.late, o.entries])).toEqual([
      ['SO-2026-000001', false, 7],
      ['SO-2026-000002', true, 10],
    ]);
    const [a, b] = report.orders;
    expect(a).toMatchObject({ customer: 'Alpha', status: 'IN_EXECUTION', promisedDate: '2027-05-01', expectedDate: '2027-04-20', production: { plansReleased: 1, tasksDone: 2, problemsClosed: { MINOR: 1, MAJOR: 1 } }, purchasing: { contractsSigned: 0 }, quality: { inspectionsPassed: 0 } });
    expect(b).toMatchObject({ production: { plansReleased: 0 }, purchasing: { contractsSigned: 1, deliveriesLate: 2 }, quality: { inspectionsFailed: 1, nonconformancesOpened: 1 } });
    expect(report.totals).toMatchObject({ orders: 2, late: 1, entries: 17, production: { tasksDone: 2, problemsOpened: { total: 1 } }, purchasing: { receipts: 1 }, quality: { inspectionsPassed: 1, nonconformancesClosed: 1 } });
  });

  it('R6.5 an order is late only when both dates are known', () => {
    const report = leadershipWeeklyReport(WEEK, [e(C, 'STATUS_CHANGED')], outlooks);
    expect(report.orders).toEqual([expect.objectContaining({ number: 'SO-2026-000003', late: null })]);
    expect(report.totals.late).toBe(0);
  });
});
