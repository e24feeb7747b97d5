import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, IfMatch, Principal, uuidParam } from '@opm/platform';
import { ApprovalsService } from './approvals.service';
import { ApprovalDecisionDto } from './dto/approval-decision.dto';
import { CreateDelegationDto } from './dto/create-delegation.dto';

@ApiTags('approvals')
@Controller()
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get('orders/:id/approvals')
  @ApiOperation({ summary: 'The approval chain and its steps (R4.1)' })
  chain(@Param('id', uuidParam('id')) id: string) {
    return this.approvals.chain(id);
  }

  @Post('orders/:id/approvals/:step/decision')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOperation({ summary: "APPROVE or REJECT a step, by the step's role or its delegate, in order (R4.1)" })
  decide(
    @Param('id', uuidParam('id')) id: string,
    @Param('step') step: string,
    @Body() dto: ApprovalDecisionDto,
    @CurrentPrincipal() principal: Principal,
    @IfMatch() ifMatch: number | undefined,
  ) {
    return this.approvals.decide(id, step, dto, principal, ifMatch);
  }

  @Post('approvals/delegations')
  @Allow('*:HEAD', '*:LEADER')
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({ summary: 'Delegate an approval step to a named colleague of the same role for a period (R4.1)' })
  delegate(@Body() dto: CreateDelegationDto, @CurrentPrincipal() principal: Principal) {
    return this.approvals.delegate(dto, principal);
  }

  @Get('approvals/delegations')
  delegations() {
    return this.approvals.delegations();
  }
}
