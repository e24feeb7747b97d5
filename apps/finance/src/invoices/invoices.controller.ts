import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SalesSettlementSubmittedV1 } from '@opm/contracts';
import { Allow, ApiAnswers, CurrentPrincipal, type EventContext, Idempotent, Inbox, type Page, type Principal, uuidParam } from '@opm/platform';
import { ListInvoicesQuery, RecordPaymentDto, ReviewSettlementDto } from './dto/invoices.dto';
import { FinanceSettlementView, INVOICE_EXAMPLE, InvoiceView } from './invoice.view';
import { InvoicesService } from './invoices.service';

@ApiTags('settlement')
@Controller('finance')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get('settlements/:orderId')
  @Allow('FINANCE', 'SALES')
  @ApiOperation({ summary: "Finance's copy of an order's submitted settlement list, its review and invoice (R7.2); finance, sales" })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiAnswers(FinanceSettlementView, { errors: [400, 403, 404], description: 'the list as finance holds it' })
  settlement(@Param('orderId', uuidParam('orderId')) orderId: string): Promise<FinanceSettlementView> {
    return this.invoices.settlement(orderId);
  }

  @Post('settlements/:orderId/review')
  @HttpCode(200)
  @Allow('FINANCE:HEAD')
  @ApiOperation({
    summary: 'The finance head reviews a settlement list: APPROVE issues the invoice (order INVOICED), REJECT sends it back to sales with the comment (R7.2)',
    description:
      "404 before the list reached finance; 409 once it is decided. The invoice's due date comes from the order's payment terms (\"30 days net\", " +
      '"net 60", "50% advance, balance 60 days", "30 days end of month", "due on receipt"...) unless `dueDate` is given; terms that cannot be read ' +
      'and no `dueDate` are 422 naming `paymentTerms` and `dueDate`. A `dueDate` before the issue date is kept (a date agreed earlier): the invoice is ' +
      'then overdue at once. REJECT needs a `comment` (400). Publishes finance.invoice.issued.v1 or finance.settlement.rejected.v1.',
  })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiBody({
    type: ReviewSettlementDto,
    examples: {
      approve: { summary: 'approve: the invoice is due by the payment terms', value: { decision: 'APPROVE', comment: 'matches the proofs of delivery' } },
      dueDate: { summary: 'approve with a due date finance sets (terms it cannot read)', value: { decision: 'APPROVE', comment: null, dueDate: '2027-04-30' } },
      reject: { summary: 'reject: back to sales', value: { decision: 'REJECT', comment: 'line 2: the customer confirmed 38, not 40' } },
    },
  })
  @ApiAnswers(FinanceSettlementView, { errors: [400, 403, 404, 409, 422], description: 'the list as decided, with the invoice on approval' })
  review(@Param('orderId', uuidParam('orderId')) orderId: string, @Body() dto: ReviewSettlementDto, @CurrentPrincipal() principal: Principal): Promise<FinanceSettlementView> {
    return this.invoices.review(orderId, dto, principal);
  }

  @Get('invoices')
  @Allow('FINANCE', 'SALES')
  @ApiOperation({ summary: 'Invoices with what is paid and outstanding (derived from the payments), filtered by order, customer or status (R7.2); finance, sales' })
  @ApiAnswers(InvoiceView, { page: true, errors: [400, 403], description: 'a page of invoices, oldest first' })
  list(@Query() query: ListInvoicesQuery): Promise<Page<InvoiceView>> {
    return this.invoices.list(query);
  }

  @Get('invoices/:id')
  @Allow('FINANCE', 'SALES')
  @ApiOperation({ summary: 'One invoice with its payments (R7.2); finance, sales' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(InvoiceView, { errors: [400, 403, 404], description: 'the invoice', example: INVOICE_EXAMPLE })
  get(@Param('id', uuidParam('id')) id: string): Promise<InvoiceView> {
    return this.invoices.get(id);
  }

  @Post('invoices/:id/payments')
  @Allow('FINANCE')
  @Idempotent()
  @ApiOperation({
    summary: 'Record a payment of an invoice (R7.2): partial payments add up; paid in full -> PAID and the order SETTLED',
    description:
      'More than outstanding is 422 naming `amount` (so is any amount once PAID); a VOID invoice 409. With an Idempotency-Key a retried request ' +
      'is recorded once and answered as the first time. Publishes finance.payment.recorded.v1, and finance.invoice.settled.v1 for the last payment.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({
    type: RecordPaymentDto,
    examples: {
      partial: { summary: 'a partial payment by bank transfer', value: { amount: '500.00', method: 'BANK_TRANSFER', paidAt: '2027-03-20T10:00:00+08:00', reference: 'TT20270320-0042' } },
    },
  })
  @ApiAnswers(InvoiceView, { status: 201, errors: [400, 403, 404, 409, 422], description: 'the invoice after the payment', example: INVOICE_EXAMPLE })
  pay(@Param('id', uuidParam('id')) id: string, @Body() dto: RecordPaymentDto, @CurrentPrincipal() principal: Principal): Promise<InvoiceView> {
    return this.invoices.recordPayment(id, dto, principal);
  }
}

/** Sales' settlement lists reach finance by event, each submission applied once (the inbox). */
@Controller()
export class SettlementSubmittedConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly invoices: InvoicesService,
  ) {}

  @EventPattern(SalesSettlementSubmittedV1.topic)
  async onSubmitted(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('finance.settlement.submitted', SalesSettlementSubmittedV1, ctx, (e, m) => this.invoices.applySubmitted(m, e.payload));
  }
}
