import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { APPROVAL_STEPS } from '@opm/contracts';
import { Allow, ApiAnswers, ApiIfMatch, CurrentPrincipal, Idempotent, IfMatch, Principal, uuidParam } from '@opm/platform';
import { IDEMPOTENT_ANSWER_HEADERS } from '../lifecycle/http-headers';
import {
  ApprovalChainDef,
  ApprovalChainView,
  ApprovalDecisionResultDef,
  ApprovalDecisionResultView,
  DelegationsDef,
  DelegationsView,
  DelegationView,
  DelegationViewDef,
} from './approval-view';
import { ApprovalsService } from './approvals.service';
import { ApprovalDecisionDto } from '../lifecycle/dto/approval-decision.dto';
import { CreateDelegationDto } from './dto/create-delegation.dto';

@ApiTags('approvals')
@Controller()
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get('orders/:id/approvals')
  @ApiOperation({ summary: 'The approval chain and its steps (R4.1)' })
  @ApiAnswers(ApprovalChainDef, { errors: [400, 404], description: 'the current chain; `chain: null, steps: []` before the review has passed' })
  chain(@Param('id', uuidParam('id')) id: string): Promise<ApprovalChainView> {
    return this.approvals.chain(id);
  }

  @Post('orders/:id/approvals/:step/decision')
  @HttpCode(200)
  @ApiIfMatch()
  @ApiParam({ name: 'step', enum: APPROVAL_STEPS, description: 'the step to decide (case-insensitive)' })
  @ApiOperation({ summary: "APPROVE or REJECT a step, by the step's role or its delegate, in order (R4.1)" })
  @ApiBody({
    type: ApprovalDecisionDto,
    examples: {
      approve: { summary: 'approve the step', value: { decision: 'APPROVE', comment: 'margin and delivery agreed' } },
      reject: { summary: 'reject: the order goes back to REVIEW_FAILED, later steps are cancelled', value: { decision: 'REJECT', comment: 'margin below the floor for this customer' } },
    },
  })
  // 400: unknown step; 403: not the step's approver or delegate, or the person who recorded the order (segregation of
  // duties); 404: no such order, or the step is not in its chain; 409: order not AWAITING_APPROVAL, step already
  // decided, an earlier step still pending, or a stale If-Match.
  @ApiAnswers(ApprovalDecisionResultDef, {
    errors: [400, 403, 404, 409],
    description: "the order's status after the decision and the chain",
    example: {
      status: 'AWAITING_APPROVAL',
      steps: [
        { step: 'SALES_HEAD', seq: 1, status: 'APPROVED', decidedBy: 'sales.head', onBehalfOf: null, decidedAt: '2026-11-27T10:02:11.500Z', comment: 'margin and terms as agreed' },
        { step: 'DIVISION_LEADER', seq: 2, status: 'PENDING', decidedBy: null, onBehalfOf: null, decidedAt: null, comment: null },
        { step: 'FINANCE', seq: 3, status: 'PENDING', decidedBy: null, onBehalfOf: null, decidedAt: null, comment: null },
      ],
    },
  })
  decide(
    @Param('id', uuidParam('id')) id: string,
    @Param('step') step: string,
    @Body() dto: ApprovalDecisionDto,
    @CurrentPrincipal() principal: Principal,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<ApprovalDecisionResultView> {
    return this.approvals.decide(id, step, dto, principal, ifMatch);
  }

  @Post('approvals/delegations')
  @Allow('*:HEAD', '*:LEADER')
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({ summary: "Delegate an approval step to a named colleague of the approver's own department for a period (R4.1)" })
  @ApiBody({
    type: CreateDelegationDto,
    examples: {
      leave: {
        summary: 'the sales head hands SALES_HEAD to a colleague head for two weeks',
        value: { step: 'FINANCE', delegate: 'finance.staff', validFrom: '2026-12-01T00:00:00Z', validTo: '2026-12-15T00:00:00Z', reason: 'annual leave' },
      },
    },
  })
  // 403: the caller does not approve this step; 409 and 422 come from Idempotency-Key (a first request still running;
  // a key reused with another body).
  @ApiAnswers(DelegationViewDef, { status: 201, errors: [400, 403, 409, 422], description: 'the delegation as recorded', headers: IDEMPOTENT_ANSWER_HEADERS })
  delegate(@Body() dto: CreateDelegationDto, @CurrentPrincipal() principal: Principal): Promise<DelegationView> {
    return this.approvals.delegate(dto, principal);
  }

  @Get('approvals/delegations')
  @ApiOperation({ summary: 'Delegations of approval steps, newest first (at most 200) (R4.1)' })
  @ApiAnswers(DelegationsDef, { description: 'the newest 200 delegations, newest first' })
  delegations(): Promise<DelegationsView> {
    return this.approvals.delegations();
  }
}
