import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OrderIssueAcknowledgedV1 } from '@opm/contracts';
import { Allow, ApiAnswers, ApiIfMatch, CurrentPrincipal, EventContext, IfMatch, Inbox, Principal, uuidParam } from '@opm/platform';
import { CustomerConfirmationDto, VerifyDocumentDto } from './dto/customer-confirmation.dto';
import {
  CustomerConfirmationsDef,
  CustomerConfirmationsView,
  CustomerConfirmationView,
  CustomerConfirmationViewDef,
  DocumentVerificationDef,
  DocumentVerificationView,
  IssuanceView,
  IssuanceViewDef,
  IssuedOrderDef,
  IssuedOrderView,
} from './issuance-view';
import { IssuanceService } from './issuance.service';

@ApiTags('issuance')
@Controller('orders/:id')
export class IssuanceController {
  constructor(@Inject(IssuanceService) private readonly issuance: IssuanceService) {}

  @Post('issue')
  @Allow('SALES:HEAD')
  @HttpCode(200)
  @ApiIfMatch()
  @ApiOperation({ summary: 'The sales head signs the approved order and issues it to the departments (R4.2)' })
  // 409: not APPROVED, its approval chain not complete, or a stale If-Match.
  @ApiAnswers(IssuedOrderDef, { errors: [400, 403, 404, 409], description: 'the order ISSUED, who signed, the verification code, the acknowledgements awaited' })
  issue(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() signer: Principal, @IfMatch() ifMatch: number | undefined): Promise<IssuedOrderView> {
    return this.issuance.issue(id, signer, ifMatch);
  }

  @Get('issuance')
  @ApiOperation({ summary: 'Who signed, when, the verification code, and which departments have acknowledged (R4.2, R4.3)' })
  // 404: no such order, or not issued.
  @ApiAnswers(IssuanceViewDef, { errors: [400, 404], description: 'the issuance of the order' })
  view(@Param('id', uuidParam('id')) id: string): Promise<IssuanceView> {
    return this.issuance.issuance(id);
  }

  @Get('document.pdf')
  @ApiOperation({ summary: 'The printable order: sealed and signed once issued, a draft before (R4.3)' })
  @ApiResponse({ status: 200, content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiAnswers(null, {
    errors: [400, 404],
    description: 'the order as a PDF: the issued version (with its verification code) once issued, a DRAFT before',
    headers: { 'Content-Disposition': '`inline; filename="<order number>.pdf"`' },
  })
  async document(@Param('id', uuidParam('id')) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { number, pdf } = await this.issuance.pdf(id);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`).send(pdf);
  }

  @Post('document/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Does this verification code match the issued version? (R4.3)' })
  // 409: the order has not been issued (also for an id no order has: there is nothing to verify against).
  @ApiAnswers(DocumentVerificationDef, { errors: [400, 409], description: '`matches` says whether the code is the issued version\'s' })
  verify(@Param('id', uuidParam('id')) id: string, @Body() dto: VerifyDocumentDto): Promise<DocumentVerificationView> {
    return this.issuance.verify(id, { verificationCode: dto.verificationCode });
  }

  @Post('document/verify-pdf')
  @HttpCode(200)
  @ApiConsumes('application/pdf')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Does this PDF carry the verification code of the issued version? (R4.3)' })
  // 409: not issued; 422: the PDF carries no verification code in its metadata.
  @ApiAnswers(DocumentVerificationDef, {
    errors: [400, 409, 422],
    description: "`matches` says whether the PDF's code is the issued version's",
    headers: { 'Cache-Control': '`no-store`' },
  })
  verifyPdf(@Param('id', uuidParam('id')) id: string, @Body() pdf: Buffer): Promise<DocumentVerificationView> {
    return this.issuance.verify(id, { pdf: Buffer.isBuffer(pdf) ? pdf : Buffer.alloc(0) });
  }

  @Post('customer-confirmation')
  @Allow('SALES')
  @HttpCode(201)
  @ApiOperation({ summary: "Record the customer's confirmation and the delivery date told; optionally e-mail them the order (R4.4)" })
  @ApiBody({
    type: CustomerConfirmationDto,
    examples: {
      byPhone: {
        summary: 'confirmed on the phone',
        value: { confirmedBy: 'Li Wei', channel: 'PHONE', confirmedAt: '2026-11-27T09:30:00+08:00', expectedDeliveryDate: '2027-03-01', note: 'customer asks for a call before dispatch' },
      },
      emailed: {
        summary: "confirmed, and the order e-mailed to the customer's address",
        value: { confirmedBy: 'Li Wei', channel: 'EMAIL', confirmedAt: '2026-11-27T09:30:00+08:00', expectedDeliveryDate: '2027-03-01', sendEmail: true },
      },
    },
  })
  // 409: not issued yet; 422: e-mail asked for but no SMTP server configured, or no address known; 502: the mail server failed.
  @ApiAnswers(CustomerConfirmationViewDef, { status: 201, errors: [400, 403, 404, 409, 422, 502], description: 'the confirmation as recorded (`emailedTo` when the order was e-mailed)' })
  confirm(@Param('id', uuidParam('id')) id: string, @Body() dto: CustomerConfirmationDto, @CurrentPrincipal() principal: Principal): Promise<CustomerConfirmationView> {
    return this.issuance.confirm(id, dto, principal);
  }

  @Get('customer-confirmations')
  @ApiOperation({ summary: "The customer's confirmations of the order, oldest first (R4.4)" })
  @ApiAnswers(CustomerConfirmationsDef, { errors: [400], description: 'the confirmations, oldest first (none for an unknown order)' })
  confirmations(@Param('id', uuidParam('id')) id: string): Promise<CustomerConfirmationsView> {
    return this.issuance.confirmations(id);
  }
}

/** Sales records each department's acknowledgement of an issued order (R4.3). */
@Controller()
export class AcknowledgementsConsumer {
  constructor(
    private readonly inbox: Inbox,
    @Inject(IssuanceService) private readonly issuance: IssuanceService,
  ) {}

  @EventPattern(OrderIssueAcknowledgedV1.topic)
  async onAcknowledged(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.issue-acknowledgements', OrderIssueAcknowledgedV1, ctx, (e, m) => this.issuance.applyAcknowledgement(m, e.payload));
  }
}
