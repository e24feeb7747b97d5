import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OrderIssueAcknowledgedV1 } from '@opm/contracts';
import { Allow, CurrentPrincipal, EventContext, IfMatch, Inbox, Principal, uuidParam } from '@opm/platform';
import { CustomerConfirmationDto, VerifyDocumentDto } from './dto/customer-confirmation.dto';
import { IssuanceService } from './issuance.service';

@ApiTags('issuance')
@Controller('orders/:id')
export class IssuanceController {
  constructor(@Inject(IssuanceService) private readonly issuance: IssuanceService) {}

  @Post('issue')
  @Allow('SALES:HEAD')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOperation({ summary: 'The sales head signs the approved order and issues it to the departments (R4.2)' })
  issue(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() signer: Principal, @IfMatch() ifMatch: number | undefined) {
    return this.issuance.issue(id, signer, ifMatch);
  }

  @Get('issuance')
  @ApiOperation({ summary: 'Who signed, when, the verification code, and which departments have acknowledged (R4.2, R4.3)' })
  view(@Param('id', uuidParam('id')) id: string) {
    return this.issuance.issuance(id);
  }

  @Get('document.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The printable order: sealed and signed once issued, a draft before (R4.3)' })
  async document(@Param('id', uuidParam('id')) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { number, pdf } = await this.issuance.pdf(id);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`).send(pdf);
  }

  @Post('document/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Does this verification code match the issued version? (R4.3)' })
  verify(@Param('id', uuidParam('id')) id: string, @Body() dto: VerifyDocumentDto) {
    return this.issuance.verify(id, { verificationCode: dto.verificationCode });
  }

  @Post('document/verify-pdf')
  @HttpCode(200)
  @ApiConsumes('application/pdf')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Does this PDF carry the verification code of the issued version? (R4.3)' })
  verifyPdf(@Param('id', uuidParam('id')) id: string, @Body() pdf: Buffer) {
    return this.issuance.verify(id, { pdf: Buffer.isBuffer(pdf) ? pdf : Buffer.alloc(0) });
  }

  @Post('customer-confirmation')
  @Allow('SALES')
  @HttpCode(201)
  @ApiOperation({ summary: "Record the customer's confirmation and the delivery date told; optionally e-mail them the order (R4.4)" })
  confirm(@Param('id', uuidParam('id')) id: string, @Body() dto: CustomerConfirmationDto, @CurrentPrincipal() principal: Principal) {
    return this.issuance.confirm(id, dto, principal);
  }

  @Get('customer-confirmations')
  confirmations(@Param('id', uuidParam('id')) id: string) {
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
