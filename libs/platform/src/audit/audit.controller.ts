import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { uuidParam } from '../http/problem-details';
import { AuditLog } from './audit-log';

/** Who may read the audit trail: department heads, leaders, and the archive. */
export const AUDIT_READERS = ['*:HEAD', '*:LEADER', 'ARCHIVE'] as const;

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get('orders/:orderId')
  @Allow(...AUDIT_READERS)
  @ApiOkResponse({ description: "this service's audit entries for one order, in order" })
  async forOrder(@Param('orderId', uuidParam('orderId')) orderId: string) {
    return { items: await this.audit.forOrder(orderId) };
  }

  @Get('verify')
  @Allow(...AUDIT_READERS)
  @ApiOkResponse({ description: '{service, ok, entries, firstBroken}' })
  verify() {
    return this.audit.verify();
  }
}
