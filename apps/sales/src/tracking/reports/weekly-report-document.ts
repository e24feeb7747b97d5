import { registerFonts } from '../../documents/fonts';
import { dash } from '../../documents/formatting';
import { type Cell, type Column, letterhead, pageFooters, PdfLayout } from '../../documents/pdf-layout';
import type { LeadershipWeeklyReport } from './weekly-report';

export interface WeeklyReportDocumentOptions {
  companyName: string;
  companyNameZh?: string;
}

const production = (p: LeadershipWeeklyReport['totals']['production']) =>
  `${p.plansReleased} released, ${p.plansCompleted} completed, ${p.tasksDone} tasks done, problems ${p.problemsOpened.total} opened (${p.problemsOpened.MAJOR} major) / ${p.problemsClosed.total} closed`;
const purchasing = (p: LeadershipWeeklyReport['totals']['purchasing']) =>
  `${p.contractsSigned} contracts signed, ${p.receipts} receipts, ${p.deliveriesLate} late deliveries, receipts inspected ${p.receiptInspections.accepted} accepted / ${p.receiptInspections.rejected} rejected`;
const quality = (q: LeadershipWeeklyReport['totals']['quality']) =>
  `inspections ${q.inspectionsPassed} passed / ${q.inspectionsFailed} failed, nonconformances ${q.nonconformancesOpened} opened / ${q.nonconformancesClosed} closed`;

/**
 * The printable leadership execution report (R6.5) on the settlement documents' kit: letterhead, the week, the totals
 * of the three departments, then one row per order active in the week with its status, promised and expected
 * delivery and each department's figures; a footer with the week on every page.
 */
export async function renderWeeklyReportDocument(report: LeadershipWeeklyReport, options: WeeklyReportDocumentOptions): Promise<Buffer> {
  const layout = new PdfLayout({ Title: `Weekly execution report ${report.week}`, Author: options.companyName, Subject: `Order execution in ${report.week}`, Creator: 'OPM sales' });
  registerFonts(layout.doc, {});
  const { width } = layout;
  letterhead(layout, options, 'WEEKLY EXECUTION REPORT', '每周执行报告');
  const t = report.totals;
  layout.fields(
    [
      [
        ['Week 周', `${report.week} (${report.from.slice(0, 10)} to ${report.to.slice(0, 10)}, UTC)`],
        ['Orders active 活动订单', String(t.orders)],
        ['Expected late 预计延期', String(t.late)],
        ['Facts recorded 记录', String(t.entries)],
      ],
    ],
    { labelWidth: 130 },
  );
  layout.fields(
    [
      [
        ['Production 生产', production(t.production)],
        ['Purchasing 采购', purchasing(t.purchasing)],
        ['Quality 质量', quality(t.quality)],
      ],
    ],
    { headings: ['Totals  合计'], labelWidth: 130 },
  );
  const fixed = 78 + 70 + 62 + 62;
  const columns: Column[] = [
    { header: 'Order\n订单', width: 78 },
    { header: 'Status\n状态', width: 70 },
    { header: 'Promised\n承诺交期', width: 62 },
    { header: 'Expected\n预计交期', width: 62 },
    { header: 'Production / purchasing / quality this week\n本周生产 / 采购 / 质量', width: width - fixed },
  ];
  const rows = report.orders.map((o): Cell[] => [
    { text: o.number, note: o.customer || undefined },
    { text: o.status },
    { text: dash(o.promisedDate) },
    { text: `${dash(o.expectedDate)}${o.late ? ' LATE' : ''}`, bold: o.late === true },
    { text: `Production: ${production(o.production)}`, note: `Purchasing: ${purchasing(o.purchasing)}. Quality: ${quality(o.quality)}.` },
  ]);
  layout.table(columns, rows.length ? rows : [[{ text: '—' }, { text: '' }, { text: '' }, { text: '' }, { text: 'No order had a recorded fact this week.' }]], { headings: ['Orders  订单'] });
  pageFooters(layout, `Weekly execution report 每周执行报告 · ${report.week}`);
  return layout.end();
}
