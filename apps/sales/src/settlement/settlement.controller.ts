import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { FinanceInvoiceIssuedV1, FinanceInvoiceSettledV1, FinancePaymentRecordedV1, FinanceSettlementRejectedV1 } from '@opm/contracts';
import { Allow, ApiAnswers, CurrentPrincipal, type EventContext, Inbox, type Principal, uuidParam } from '@opm/platform';
import { SubmitSettlementDto } from './dto/submit-settlement.dto';
import { SETTLEMENT_EXAMPLE, SettlementListView } from './settlement.view';
import { SettlementService } from './settlement.service';

@ApiTags('settlement')
@Controller('orders/:id/settlement')
export class SettlementController {
  constructor(@Inject(SettlementService) private readonly settlement: SettlementService) {}

  @Post()
  @Allow('SALES')
  @ApiOperation({
    summary: "Draft the order's settlement list from the delivered quantities at the order's prices (R7.1-7.2); sales",
    description: 'Only a DELIVERED order (409 otherwise). Drawing it again while DRAFT (after a rejection, say) redraws it; once SUBMITTED or APPROVED 409.',
  })
  @ApiAnswers(SettlementListView, { status: 201, errors: [400, 403, 404, 409], description: 'the list, DRAFT', example: SETTLEMENT_EXAMPLE })
  draft(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<SettlementListView> {
    return this.settlement.draft(id, principal);
  }

  @Post('submit')
  @HttpCode(200)
  @Allow('SALES')
  @ApiOperation({
    summary: "The customer agreed the delivered quantities: the list goes to finance, SUBMITTED (R7.1-7.2); sales",
    description: 'Only a DRAFT list of a DELIVERED order (409 otherwise; 404 before one is drafted). Publishes sales.settlement.submitted.v1.',
  })
  @ApiBody({ type: SubmitSettlementDto, examples: { agreed: { summary: 'agreed by the customer', value: { agreedBy: 'Wang Fang, purchasing', agreedAt: '2027-03-02T09:00:00+08:00', note: 'agreed by e-mail' } } } })
  @ApiAnswers(SettlementListView, { errors: [400, 403, 404, 409], description: 'the list, SUBMITTED' })
  submit(@Param('id', uuidParam('id')) id: string, @Body() dto: SubmitSettlementDto, @CurrentPrincipal() principal: Principal): Promise<SettlementListView> {
    return this.settlement.submit(id, dto, principal);
  }

  @Get()
  @ApiOperation({ summary: "The order's settlement list, its status, finance's decision and the invoice (R7.1-7.2)" })
  @ApiAnswers(SettlementListView, { errors: [400, 404], description: 'the list', example: SETTLEMENT_EXAMPLE })
  get(@Param('id', uuidParam('id')) id: string): Promise<SettlementListView> {
    return this.settlement.get(id);
  }

  @Get('document.pdf')
  @ApiOperation({ summary: 'The printable settlement list (issue 16 item 7): delivered quantities at the order prices, reconciliation, invoice; sealed once approved' })
  @ApiResponse({ status: 200, content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiAnswers(null, { errors: [400, 404], description: 'the settlement list as a PDF', headers: { 'Content-Disposition': '`inline; filename="<order number>-settlement.pdf"`' } })
  async document(@Param('id', uuidParam('id')) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { number, pdf } = await this.settlement.pdf(id);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${number}-settlement.pdf"`).send(pdf);
  }
}

/** The order's invoice as sales knows it from finance's events (issue 16 item 7). */
@ApiTags('settlement')
@Controller('orders/:id/invoice')
export class InvoiceDocumentController {
  constructor(@Inject(SettlementService) private readonly settlement: SettlementService) {}

  @Get('document.pdf')
  @ApiOperation({ summary: 'The printable invoice (issue 16 item 7, R7.2): number, dates, customer, delivered lines at the order prices, total, paid and outstanding, bank reference; sealed' })
  @ApiResponse({ status: 200, content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiAnswers(null, { errors: [400, 404], description: 'the invoice as a PDF; 404 while finance has issued none', headers: { 'Content-Disposition': '`inline; filename="<invoice number>.pdf"`' } })
  async document(@Param('id', uuidParam('id')) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { number, pdf } = await this.settlement.invoicePdf(id);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`).send(pdf);
  }
}

/** Finance's answers to a settlement list, each applied once (the inbox) in its own transaction. */
@Controller()
export class SettlementConsumer {
  constructor(
    private readonly inbox: Inbox,
    @Inject(SettlementService) private readonly settlement: SettlementService,
  ) {}

  @EventPattern(FinanceSettlementRejectedV1.topic)
  async onRejected(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.settlement.rejected', FinanceSettlementRejectedV1, ctx, (e, m) => this.settlement.applyRejected(m, e.payload));
  }

  @EventPattern(FinanceInvoiceIssuedV1.topic)
  async onInvoiceIssued(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.settlement.invoice-issued', FinanceInvoiceIssuedV1, ctx, (e, m) => this.settlement.applyInvoiceIssued(m, e.payload));
  }

  @EventPattern(FinancePaymentRecordedV1.topic)
  async onPaymentRecorded(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.settlement.payment-recorded', FinancePaymentRecordedV1, ctx, (e, m) => this.settlement.applyPaymentRecorded(m, e.payload));
  }

  @EventPattern(FinanceInvoiceSettledV1.topic)
  async onInvoiceSettled(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.settlement.invoice-settled', FinanceInvoiceSettledV1, ctx, (e, m) => this.settlement.applyInvoiceSettled(m, e.payload));
  }
}
