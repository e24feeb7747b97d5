import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Allow, ApiAnswers, apiView, CurrentPrincipal, type Page, type Principal, uuidParam } from '@opm/platform';
import { AgeingQuery, OpenDisputeDto, ResolveDisputeDto, SettlementRecordsQuery } from './dto/receivables.dto';
import { DisputeView, DunningNoticeListView, ReceivablesAgeingView, SettlementRecordView } from './receivables.view';
import { type SettlementRecord, settlementRecordsCsv } from './settlement-records';
import { ReceivablesService } from './receivables.service';

const DisputeListView = apiView('InvoiceDisputeList', z.object({ items: z.array(DisputeView.schema) }));

@ApiTags('settlement')
@Controller('finance')
export class ReceivablesController {
  constructor(private readonly receivables: ReceivablesService) {}

  @Get('receivables/ageing')
  @Allow('FINANCE', '*:LEADER')
  @ApiOperation({
    summary: 'Receivables ageing by due date (R7.3): CURRENT (not yet due), 1-30, 31-60, 61-90, 90+ days past due; finance, leaders',
    description: "The outstanding amount of every unpaid invoice in the currency as of `asOf` (default today); the buckets add up to the total exactly. Bounds: FINANCE_AGEING_BOUNDS.",
  })
  @ApiAnswers(ReceivablesAgeingView, { errors: [400, 403], description: 'the buckets and their total' })
  ageing(@Query() query: AgeingQuery): Promise<ReceivablesAgeingView> {
    return this.receivables.ageing(query);
  }

  @Get('settlement-records')
  @Allow('FINANCE', 'SALES:HEAD')
  @ApiOperation({ summary: 'Settlement records (R7.4): every payment with its date, amount, method, customer, order and invoice, by customer and payment date; finance, sales head' })
  @ApiAnswers(SettlementRecordView, { page: true, errors: [400, 403], description: 'a page of records, oldest payment first' })
  records(@Query() query: SettlementRecordsQuery): Promise<Page<SettlementRecord>> {
    return this.receivables.records(query);
  }

  @Get('settlement-records.csv')
  @Allow('FINANCE', 'SALES:HEAD')
  @ApiOperation({ summary: 'The settlement records as CSV for export (R7.4): the same filters, every matching record (no paging)' })
  @ApiResponse({ status: 200, content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiAnswers(null, { errors: [400, 403], description: 'the records, a header row then one row per payment', headers: { 'Content-Disposition': '`attachment; filename="settlement-records.csv"`' } })
  async csv(@Query() query: SettlementRecordsQuery, @Res() reply: FastifyReply): Promise<void> {
    const { items } = await this.receivables.records(query, true);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="settlement-records.csv"').send(settlementRecordsCsv(items));
  }

  @Get('invoices/:id/disputes')
  @Allow('FINANCE', 'SALES')
  @ApiOperation({ summary: "An invoice's disputes, oldest first (R7.3); finance, sales" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(DisputeListView, { errors: [400, 403, 404], description: 'the disputes' })
  async disputes(@Param('id', uuidParam('id')) id: string): Promise<{ items: DisputeView[] }> {
    return { items: await this.receivables.disputesOf(id) };
  }

  @Get('invoices/:id/dunning')
  @Allow('FINANCE', 'SALES')
  @ApiOperation({
    summary: "An invoice's dunning notices (R7.3): reminder, final notice, legal, each recorded once as its days overdue reach FINANCE_DUNNING_DAYS; finance, sales",
    description: 'Recorded by the overdue scan (every FINANCE_OVERDUE_SCAN_MS); a DISPUTED invoice is not dunned while the dispute is open.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(DunningNoticeListView, { errors: [400, 403, 404], description: 'the notices, mildest first' })
  async dunning(@Param('id', uuidParam('id')) id: string): Promise<DunningNoticeListView> {
    const notices = await this.receivables.dunningOf(id);
    return { items: notices.map((n) => ({ id: n.id, invoiceId: n.invoiceId, level: n.level, daysOverdue: n.daysOverdue, outstanding: n.outstanding, noticeDate: n.noticeDate, recordedAt: n.recordedAt.toISOString() })) };
  }

  @Post('invoices/:id/disputes')
  @Allow('FINANCE')
  @ApiOperation({
    summary: 'Open a dispute on an invoice (R7.3): the invoice DISPUTED until it is resolved',
    description: 'A PAID or VOID invoice, or one already under dispute, is 409. Payments may still be recorded while it is disputed.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: OpenDisputeDto, examples: { short: { summary: 'quantity contested', value: { reason: 'the customer contests 2 flanges missing from crate 3' } } } })
  @ApiAnswers(DisputeView, { status: 201, errors: [400, 403, 404, 409], description: 'the dispute, OPEN' })
  open(@Param('id', uuidParam('id')) id: string, @Body() dto: OpenDisputeDto, @CurrentPrincipal() principal: Principal): Promise<DisputeView> {
    return this.receivables.open(id, dto, principal);
  }

  @Post('disputes/:id/escalate')
  @HttpCode(200)
  @Allow('FINANCE')
  @ApiOperation({ summary: 'Hand a dispute to legal (R7.3): ESCALATED, the invoice stays DISPUTED', description: 'Only an OPEN dispute (409 otherwise).' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: OpenDisputeDto, examples: { legal: { summary: 'to legal', value: { reason: 'no answer to two reminders; legal to send a formal demand' } } } })
  @ApiAnswers(DisputeView, { errors: [400, 403, 404, 409], description: 'the dispute, ESCALATED' })
  escalate(@Param('id', uuidParam('id')) id: string, @Body() dto: OpenDisputeDto, @CurrentPrincipal() principal: Principal): Promise<DisputeView> {
    return this.receivables.escalate(id, dto, principal);
  }

  @Post('disputes/:id/resolve')
  @HttpCode(200)
  @Allow('FINANCE')
  @ApiOperation({ summary: 'Resolve a dispute with its resolution (R7.3): the invoice back to the status its payments make', description: 'An OPEN or ESCALATED dispute (409 once resolved).' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: ResolveDisputeDto, examples: { agreed: { summary: 'settled with the customer', value: { resolution: 'credit note for 2 flanges agreed; the rest is due' } } } })
  @ApiAnswers(DisputeView, { errors: [400, 403, 404, 409], description: 'the dispute, RESOLVED' })
  resolve(@Param('id', uuidParam('id')) id: string, @Body() dto: ResolveDisputeDto, @CurrentPrincipal() principal: Principal): Promise<DisputeView> {
    return this.receivables.resolve(id, dto, principal);
  }
}
