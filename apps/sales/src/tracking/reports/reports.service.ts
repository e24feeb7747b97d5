import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundProblem, type Principal } from '@opm/platform';
import { SALES_CONFIG, type SalesConfig } from '../../config/sales-config';
import { ledgerEntriesOf, OrderOutlookSource } from './order-outlook';
import { orderPerformance, type OrderPerformance } from './order-performance';
import { renderWeeklyReportDocument } from './weekly-report-document';
import { departmentWeeklyReport, type DepartmentWeeklyReport, type IsoWeek, leadershipWeeklyReport, type LeadershipWeeklyReport, parseIsoWeek, REPORT_DEPARTMENTS, type ReportDepartment } from './weekly-report';

/** Weekly reports (R6.5) and an order's performance (R1.4), computed from the tracking ledger. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outlook: OrderOutlookSource,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
  ) {}

  /** 400 naming `week` or `department`; nothing is read before the input is known good. */
  static parse(week: unknown, department: unknown): { week: IsoWeek; department: ReportDepartment | null } {
    const parsed = typeof week === 'string' ? parseIsoWeek(week) : null;
    if (!parsed) throw new BadRequestException({ detail: `week ${String(week)} is not an ISO week`, errors: [{ field: 'week', message: 'an ISO week like 2026-W49' }] });
    if (department !== undefined && !(REPORT_DEPARTMENTS as readonly unknown[]).includes(department)) {
      throw new BadRequestException({ detail: `unknown department ${String(department)}`, errors: [{ field: 'department', message: `one of ${REPORT_DEPARTMENTS.join(', ')}` }] });
    }
    return { week: parsed, department: (department as ReportDepartment | undefined) ?? null };
  }

  async weekly(week: IsoWeek, department: ReportDepartment | null): Promise<DepartmentWeeklyReport | LeadershipWeeklyReport> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const active: { orderId: string }[] = await m.query(`SELECT DISTINCT "orderId" FROM sales_ledger_entry WHERE at >= $1 AND at < $2`, [week.from, week.to]);
      const ids = active.map((r) => r.orderId);
      const entries = await ledgerEntriesOf(m, ids);
      if (department) return departmentWeeklyReport(week, department, entries);
      return leadershipWeeklyReport(week, entries, await this.outlook.outlooks(m, ids));
    });
  }

  async weeklyPdf(week: IsoWeek): Promise<Buffer> {
    const report = (await this.weekly(week, null)) as LeadershipWeeklyReport;
    return renderWeeklyReportDocument(report, { companyName: this.config.COMPANY_NAME, companyNameZh: this.config.COMPANY_NAME_ZH });
  }

  async performance(orderId: string, principal: Principal): Promise<OrderPerformance> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const [order]: { status: string; deliveryDate: string | null }[] = await m.query(`SELECT status, "deliveryDate"::text AS "deliveryDate" FROM sales_order WHERE id = $1`, [orderId]);
      if (!order || (order.status === 'ARCHIVED' && principal.department !== 'ARCHIVE')) throw new NotFoundProblem(`order ${orderId} not found`);
      const lines: { lineNo: number; quantity: number }[] = await m.query(`SELECT "lineNo", quantity FROM sales_order_line WHERE "orderId" = $1 ORDER BY "lineNo"`, [orderId]);
      return orderPerformance({ deliveryDate: order.deliveryDate, lines }, await ledgerEntriesOf(m, [orderId]));
    });
  }
}
