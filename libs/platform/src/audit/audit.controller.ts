import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { ApiAnswers } from '../http/api-docs';
import { uuidParam } from '../http/problem-details';
import { AuditLog } from './audit-log';
import { AuditEntryListView, type AuditEntryList, AuditVerificationView, type ChainVerification } from './audit.views';

/** Who may read the audit trail: department heads, leaders, and the archive. */
export const AUDIT_READERS = ['*:HEAD', '*:LEADER', 'ARCHIVE'] as const;

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get('orders/:orderId')
  @Allow(...AUDIT_READERS)
  @ApiOperation({ summary: "This service's audit entries for one order, in chain order (N4); department heads, leaders, archive" })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiAnswers(AuditEntryListView, { errors: [400, 403], description: 'the entries, oldest first; none is an empty list' })
  async forOrder(@Param('orderId', uuidParam('orderId')) orderId: string): Promise<AuditEntryList> {
    return { items: await this.audit.forOrder(orderId) };
  }

  @Get('verify')
  @Allow(...AUDIT_READERS)
  @ApiOperation({ summary: "Walks this service's audit hash chain and names the first entry that does not match (N4)" })
  @ApiAnswers(AuditVerificationView, { errors: [403], description: 'ok, or the first broken entry (a broken chain is still 200)' })
  verify(): Promise<ChainVerification> {
    return this.audit.verify();
  }
}
