import { Body, Controller, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { FinanceCreditUpdatedV1 } from '@opm/contracts';
import { Allow, ApiAnswers, ApiIfMatch, EventContext, Idempotent, IfMatch, Inbox, uuidParam } from '@opm/platform';
import { CustomersService } from '../customers/customers.service';
import { CREATE_ORDER_EXAMPLES, CreateOrderDto } from '../lifecycle/dto/create-order.dto';
import { UPDATE_ORDER_EXAMPLES, UpdateOrderDto } from '../lifecycle/dto/update-order.dto';
import { CREATED_ORDER_HEADERS, createdOrderHeaders } from '../lifecycle/http-headers';
import { EXAMPLE_ORDER } from '../lifecycle/order-example';
import { OrderView, OrderViewDef } from '../lifecycle/order-view';
import { ESCALATION_DECISION_EXAMPLES, EscalationDecisionDto } from './dto/escalation-decision.dto';
import { IntakeService } from './intake.service';

@ApiTags('orders')
@Controller('orders')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post()
  @Allow('SALES')
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record an order; the preliminary review runs at once (R2.1-R2.4)' })
  @ApiBody({ type: CreateOrderDto, examples: CREATE_ORDER_EXAMPLES })
  @ApiAnswers(OrderViewDef, {
    status: 201,
    // 409: the lead was already converted, or the first request with this Idempotency-Key is still running;
    // 422: no such customer or lead, or the Idempotency-Key was used with another body.
    errors: [400, 403, 409, 422],
    description: 'the order as recorded, with `status` and `preliminaryReview.checks[]` (and `missing[]` when AWAITING_INFO)',
    headers: CREATED_ORDER_HEADERS,
    example: EXAMPLE_ORDER,
  })
  async create(@Body() dto: CreateOrderDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<OrderView> {
    const order = await this.intake.create(dto);
    void reply.headers(createdOrderHeaders(order));
    return order;
  }

  @Patch(':id')
  @Allow('SALES')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Supply missing information while AWAITING_INFO; the preliminary review runs again (R2.5)' })
  @ApiBody({ type: UpdateOrderDto, examples: UPDATE_ORDER_EXAMPLES })
  @ApiAnswers(OrderViewDef, { errors: [400, 403, 404, 409], description: 'the order after the preliminary review ran again' })
  supplyInfo(@Param('id', uuidParam('id')) id: string, @Body() dto: UpdateOrderDto, @IfMatch() ifMatch: number | undefined): Promise<OrderView> {
    return this.intake.supplyInfo(id, dto, ifMatch);
  }

  @Post(':id/escalation/decision')
  @Allow('*:LEADER')
  @HttpCode(200)
  @ApiIfMatch()
  @ApiOperation({ summary: 'A leader accepts or rejects an escalated order, with a reason (R2.6)' })
  @ApiBody({ type: EscalationDecisionDto, examples: ESCALATION_DECISION_EXAMPLES })
  @ApiAnswers(OrderViewDef, { errors: [400, 403, 404, 409], description: 'the order, UNDER_REVIEW or REJECTED, with `escalation.decision`' })
  decideEscalation(@Param('id', uuidParam('id')) id: string, @Body() dto: EscalationDecisionDto, @IfMatch() ifMatch: number | undefined): Promise<OrderView> {
    return this.intake.decideEscalation(id, dto, ifMatch);
  }
}

/**
 * Keeps sales' copy of each customer's credit standing as finance reports it, and lets the orders that waited
 * for it go on (R2.4), in one transaction.
 */
@Controller()
export class CreditCopyConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly customers: CustomersService,
    private readonly intake: IntakeService,
  ) {}

  @EventPattern(FinanceCreditUpdatedV1.topic)
  async onCreditUpdated(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.credit-copy', FinanceCreditUpdatedV1, ctx, async (event, m) => {
      await this.customers.applyCredit(m, event.payload);
      await this.intake.creditArrived(m, event.payload.customerId);
    });
  }
}
