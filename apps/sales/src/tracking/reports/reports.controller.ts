import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiAnswers, CurrentPrincipal, type Principal, uuidParam } from '@opm/platform';
import { ReportsService } from './reports.service';
import { OrderPerformanceView, WeeklyReportView } from './reports.view';
import { REPORT_DEPARTMENTS } from './weekly-report';

@ApiTags('tracking')
@Controller()
export class ReportsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Get('reports/weekly')
  @ApiOperation({
    summary:
      "A week's progress report from the tracking ledger (R6.5): with `department` (PRODUCTION, PURCHASING, QUALITY) that department's; without, sales' execution report for leadership, per order with expected against promised delivery (printable at /reports/weekly.pdf)",
  })
  @ApiQuery({ name: 'week', required: true, example: '2026-W49', description: 'ISO week (UTC), yyyy-Www' })
  @ApiQuery({ name: 'department', required: false, enum: REPORT_DEPARTMENTS })
  @ApiAnswers(WeeklyReportView, { errors: [400], description: "the department's report, or the leadership report without department" })
  weekly(@Query('week') week: unknown, @Query('department') department: unknown): Promise<WeeklyReportView> {
    const q = ReportsService.parse(week, department);
    return this.reports.weekly(q.week, q.department) as Promise<WeeklyReportView>;
  }

  @Get('reports/weekly.pdf')
  @ApiOperation({ summary: "The leadership execution report of a week as a printable PDF (R6.5)" })
  @ApiQuery({ name: 'week', required: true, example: '2026-W49', description: 'ISO week (UTC), yyyy-Www' })
  @ApiResponse({ status: 200, content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiAnswers(null, { errors: [400], description: 'the leadership report as a PDF', headers: { 'Content-Disposition': '`inline; filename="execution-report-<week>.pdf"`' } })
  async weeklyPdf(@Query('week') week: unknown, @Res() reply: FastifyReply): Promise<void> {
    const q = ReportsService.parse(week, undefined);
    const pdf = await this.reports.weeklyPdf(q.week);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="execution-report-${q.week.label}.pdf"`).send(pdf);
  }

  @Get('monitoring/orders/:id/performance')
  @ApiOperation({ summary: 'On time, right quantity, right quality for an order (R1.4): promised against actual delivery, ordered against delivered per line, inspections and nonconformances, from its tracking ledger' })
  @ApiAnswers(OrderPerformanceView, { errors: [400, 404], description: "the order's performance; the delivery fields are null until it is delivered in full" })
  performance(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<OrderPerformanceView> {
    return this.reports.performance(id, principal);
  }
}
