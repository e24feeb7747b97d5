import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangeImpactAssessedV1, OrderCancellationConfirmedV1 } from '@opm/contracts';
import { Allow, ApiAnswers, CurrentPrincipal, type EventContext, Inbox, type Principal, uuidParam } from '@opm/platform';
import { ApprovalDecisionDto } from '../lifecycle/dto/approval-decision.dto';
import { ChangeRequestListDef, type ChangeRequestListView, ChangeRequestViewDef, type ChangeRequestView, OrderVersionsDef, type OrderVersionsView } from './change-view';
import { ChangesService } from './changes.service';
import { CreateCancellationRequestDto, CreateChangeRequestDto, ImpactAnswerDto } from './dto/change-request.dto';

const CHANGE_EXAMPLE = {
  reason: 'the customer needs two more units, a week later',
  changes: { deliveryDate: '2027-04-30', lines: [{ lineNo: 1, quantity: 12 }] },
};

/** Change requests on an order (R8.1-8.3). */
@ApiTags('changes')
@Controller('orders/:id')
export class ChangesController {
  constructor(@Inject(ChangesService) private readonly changes: ChangesService) {}

  @Post('change-requests')
  @Allow('SALES')
  @ApiOperation({
    summary: 'Request a change of an order from APPROVED up to DELIVERED, with a reason (R8.1); sales',
    description:
      'Delivery date and place, line quantities and specifications. The order is locked (`pendingChange`) until the request is decided: ' +
      'other changes and a second request are 409 naming it. Each affected department computes its impact (sales.order.change-requested.v1).',
  })
  @ApiBody({ type: CreateChangeRequestDto, examples: { quantityAndDate: { summary: 'two more units, a week later', value: CHANGE_EXAMPLE } } })
  @ApiAnswers(ChangeRequestViewDef, { status: 201, errors: [400, 403, 404, 409], description: 'the request, UNDER_REVIEW' })
  request(@Param('id', uuidParam('id')) id: string, @Body() dto: CreateChangeRequestDto, @CurrentPrincipal() principal: Principal): Promise<ChangeRequestView> {
    return this.changes.requestChange(id, dto.reason, dto.changes, principal);
  }

  @Post('cancellation-requests')
  @Allow('SALES')
  @ApiOperation({
    summary: 'Request the cancellation of an order from APPROVED up to DELIVERED, with a reason (R8.4); sales',
    description:
      "The same resource as a change request (`kind: CANCELLATION`, at /orders/{id}/change-requests/{cid}): production and purchasing estimate the loss, " +
      'a person of each answers, the chain approves; then every department carries out its part and the order is CANCELLED once all confirmed (R8.5).',
  })
  @ApiBody({ type: CreateCancellationRequestDto, examples: { withdrawn: { summary: 'the customer withdrew', value: { reason: 'the customer withdrew the project' } } } })
  @ApiAnswers(ChangeRequestViewDef, { status: 201, errors: [400, 403, 404, 409], description: 'the request, UNDER_REVIEW' })
  requestCancellation(@Param('id', uuidParam('id')) id: string, @Body() dto: CreateCancellationRequestDto, @CurrentPrincipal() principal: Principal): Promise<ChangeRequestView> {
    return this.changes.requestCancellation(id, dto.reason, principal);
  }

  @Get('change-requests')
  @ApiOperation({ summary: "The order's change and cancellation requests, oldest first (R8.1)" })
  @ApiAnswers(ChangeRequestListDef, { errors: [400, 404], description: 'every request of the order' })
  list(@Param('id', uuidParam('id')) id: string): Promise<ChangeRequestListView> {
    return this.changes.list(id);
  }

  @Get('change-requests/:cid')
  @ApiOperation({ summary: 'A change or cancellation request: its impacts per department, its approvals, its outcome (R8.1-8.2)' })
  @ApiAnswers(ChangeRequestViewDef, { errors: [400, 404], description: 'the request' })
  get(@Param('id', uuidParam('id')) id: string, @Param('cid', uuidParam('cid')) cid: string): Promise<ChangeRequestView> {
    return this.changes.get(id, cid);
  }

  @Post('change-requests/:cid/impact/:department')
  @HttpCode(200)
  @ApiOperation({
    summary: "A person of the department confirms or contradicts its computed impact (R8.2): PASS or FAIL, the impact, an opinion",
    description: 'Once every department passed, the approval chain opens; one FAIL rejects the request (the lock is released, nothing changes).',
  })
  @ApiBody({ type: ImpactAnswerDto, examples: { pass: { summary: 'feasible', value: { conclusion: 'PASS', impact: '2 tasks rescheduled, within the new date', opinion: 'feasible on the current capacity' } } } })
  @ApiAnswers(ChangeRequestViewDef, { errors: [400, 403, 404, 409], description: 'the request, with the answer' })
  answerImpact(
    @Param('id', uuidParam('id')) id: string,
    @Param('cid', uuidParam('cid')) cid: string,
    @Param('department') department: string,
    @Body() dto: ImpactAnswerDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChangeRequestView> {
    return this.changes.answerImpact(id, cid, department, dto, principal);
  }

  @Post('change-requests/:cid/approvals/:step/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: "A step of the request's approval chain, by the step's role, in order, never the requester (R8.2)",
    description: 'A rejection rejects the request (nothing changes); the last approval applies a change as a new version of the order (R8.3).',
  })
  @ApiBody({ type: ApprovalDecisionDto, examples: { approve: { summary: 'approve', value: { decision: 'APPROVE', comment: 'margin and dates agreed' } } } })
  @ApiAnswers(ChangeRequestViewDef, { errors: [400, 403, 404, 409], description: 'the request after the decision' })
  decide(
    @Param('id', uuidParam('id')) id: string,
    @Param('cid', uuidParam('cid')) cid: string,
    @Param('step') step: string,
    @Body() dto: ApprovalDecisionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChangeRequestView> {
    return this.changes.decide(id, cid, step, dto, principal);
  }

  @Get('versions')
  @ApiOperation({ summary: "Every version of the order: what changed field by field, when, by whom, under which request (R8.3)" })
  @ApiAnswers(OrderVersionsDef, { errors: [400, 404], description: 'version 1 (as recorded) and one per applied change' })
  versions(@Param('id', uuidParam('id')) id: string): Promise<OrderVersionsView> {
    return this.changes.versions(id);
  }
}

/** The departments' computed impacts, each recorded once (the inbox) in its own transaction (R8.2). */
@Controller()
export class ChangeImpactConsumer {
  constructor(
    private readonly inbox: Inbox,
    @Inject(ChangesService) private readonly changes: ChangesService,
  ) {}

  @EventPattern(ChangeImpactAssessedV1.topic)
  async onAssessed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.changes.impact-assessed', ChangeImpactAssessedV1, ctx, (e, m) => this.changes.recordAssessment(m, e.payload));
  }

  @EventPattern(OrderCancellationConfirmedV1.topic)
  async onConfirmed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.changes.cancellation-confirmed', OrderCancellationConfirmedV1, ctx, (e, m) => this.changes.recordConfirmation(m, e.payload));
  }
}
