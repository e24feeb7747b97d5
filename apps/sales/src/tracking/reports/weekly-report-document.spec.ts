import { extractPdf } from '@opm/testing';
import { renderWeeklyReportDocument } from './weekly-report-document';
import { leadershipWeeklyReport, parseIsoWeek, type ReportEntry } from './weekly-report';

const compact = (text: string): string => text.replace(/\s+/g, '');
const COMPANY = { companyName: 'Acme Precision Manufacturing Co., Ltd.', companyNameZh: '精密制造有限公司' };
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const at = '2026-12-02T10:00:00.000Z';
const entries: ReportEntry[] = [
  { orderId: A, seq: 1, at, kind: 'PLAN_RELEASED', refId: 'p', data: {} },
  { orderId: A, seq: 2, at, kind: 'PROBLEM_RAISED', refId: 'x', data: { severity: 'MAJOR' } },
  { orderId: A, seq: 3, at, kind: 'INSPECTION_RECORDED', refId: 'i', data: { stage: 'FINAL', result: 'PASS' } },
];

const week = (label: string) => {
  const parsed = parseIsoWeek(label);
  if (!parsed) throw new Error(label);
  return parsed;
};

jest.setTimeout(60_000);

describe('printable leadership report (R6.5)', () => {
  it('R6.5 prints the week, the totals of the three departments and each order with status, promised and expected delivery', async () => {
    const report = leadershipWeeklyReport(week('2026-W49'), entries, [
      { orderId: A, number: 'SO-2026-000042', customer: 'Shanghai Precision Machinery Co.', status: 'IN_EXECUTION', promisedDate: '2027-05-01', expectedDate: '2027-05-04' },
    ]);
    const pdf = await renderWeeklyReportDocument(report, COMPANY);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const extracted = await extractPdf(pdf);
    const text = compact(extracted.pages.join(''));
    for (const part of ['WEEKLYEXECUTIONREPORT', '每周执行报告', '2026-W49', '2026-11-30to2026-12-07', 'Ordersactive活动订单1', 'Expectedlate预计延期1', '1released,0completed', 'problems1opened(1major)', 'inspections1passed/0failed', 'SO-2026-000042', 'ShanghaiPrecisionMachineryCo.', 'IN_EXECUTION', '2027-05-01', '2027-05-04LATE', 'Weeklyexecutionreport每周执行报告·2026-W49', 'Page1/1']) {
      expect({ part, found: text.includes(part) }).toEqual({ part, found: true });
    }
  });

  it('R6.5 a week without activity says so', async () => {
    const pdf = await renderWeeklyReportDocument(leadershipWeeklyReport(week('2026-W40'), entries, []), COMPANY);
    expect(compact((await extractPdf(pdf)).pages.join(''))).toContain('Noorderhadarecordedfactthisweek.');
  });
});
