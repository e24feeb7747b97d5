import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FinanceCreditUpdatedV1 } from '@opm/contracts';
import { Allow, EventContext, Idempotent, IfMatch, Inbox, uuidParam } from '@opm/platform';
import { CustomersService } from '../customers/customers.service';
import { CreateOrderDto } from '../lifecycle/dto/create-order.dto';
import { UpdateOrderDto } from '../lifecycle/dto/update-order.dto';
import { EscalationDecisionDto } from './dto/escalation-decision.dto';
import { IntakeService } from './intake.service';

const IF_MATCH = { name: 'If-Match', required: false, description: 'the version last seen; a stale one is 409' };

@ApiTags('orders')
@Controller('orders')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post()
  @Allow('SALES')
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record an order; the preliminary review runs at once (R2.1-R2.4)' })
  @ApiCreatedResponse({ description: 'the order with `status` and `preliminaryReview.checks[]`' })
  create(@Body() dto: CreateOrderDto) {
    return this.intake.create(dto);
  }

  @Patch(':id')
  @Allow('SALES')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Supply missing information while AWAITING_INFO; the preliminary review runs again (R2.5)' })
  supplyInfo(@Param('id', uuidParam('id')) id: string, @Body() dto: UpdateOrderDto, @IfMatch() ifMatch: number | undefined) {
    return this.intake.supplyInfo(id, dto, ifMatch);
  }

  @Post(':id/escalation/decision')
  @Allow('*:LEADER')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'A leader accepts or rejects an escalated order, with a reason (R2.6)' })
  decideEscalation(@Param('id', uuidParam('id')) id: string, @Body() dto: EscalationDecisionDto, @IfMatch() ifMatch: number | undefined) {
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
