import { Controller, Get, Inject, Param } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LogisticsShipmentDeliveredV1, LogisticsShipmentDispatchedV1, ProductionPlanCompletedV1, ProductionPlanReleasedV1, ProductionPlanStoppedV1, QualityOrderResultsChangedV1 } from '@opm/contracts';
import { ApiAnswers, type EventContext, Inbox, uuidParam } from '@opm/platform';
import { ORDER_EXECUTION_EXAMPLE, OrderExecutionView, OrderExecutionViewDef } from './execution-view';
import { ExecutionService } from './execution.service';

@ApiTags('execution')
@Controller('orders/:id')
export class ExecutionController {
  constructor(@Inject(ExecutionService) private readonly execution: ExecutionService) {}

  @Get('execution')
  @ApiOperation({
    summary:
      "The order's execution as sales follows it: production's plan, quality's results, what READY_TO_SHIP still waits for, the quantities shipped and delivered with the promised and actual delivery dates (R5.1, R5.3, R5.5, R1.4)",
  })
  @ApiAnswers(OrderExecutionViewDef, { errors: [400, 404], description: "the order's execution summary", example: ORDER_EXECUTION_EXAMPLE })
  view(@Param('id', uuidParam('id')) id: string): Promise<OrderExecutionView> {
    return this.execution.view(id);
  }
}

/** Production's, quality's and logistics' facts about an order, each applied once (the inbox) in its own transaction. */
@Controller()
export class ExecutionConsumer {
  constructor(
    private readonly inbox: Inbox,
    @Inject(ExecutionService) private readonly execution: ExecutionService,
  ) {}

  @EventPattern(ProductionPlanReleasedV1.topic)
  async onReleased(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.execution.plan-released', ProductionPlanReleasedV1, ctx, (e, m) => this.execution.applyReleased(m, e.payload));
  }

  @EventPattern(ProductionPlanCompletedV1.topic)
  async onCompleted(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.execution.plan-completed', ProductionPlanCompletedV1, ctx, (e, m) => this.execution.applyCompleted(m, e.payload));
  }

  @EventPattern(ProductionPlanStoppedV1.topic)
  async onStopped(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.execution.plan-stopped', ProductionPlanStoppedV1, ctx, (e, m) => this.execution.applyStopped(m, e.payload));
  }

  @EventPattern(QualityOrderResultsChangedV1.topic)
  async onQualityResults(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.execution.quality-results', QualityOrderResultsChangedV1, ctx, (e, m) => this.execution.applyQualityResults(m, e.payload));
  }

  @EventPattern(LogisticsShipmentDispatchedV1.topic)
  async onDispatched(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.execution.shipment-dispatched', LogisticsShipmentDispatchedV1, ctx, (e, m) => this.execution.applyDispatched(m, e.payload));
  }

  @EventPattern(LogisticsShipmentDeliveredV1.topic)
  async onDelivered(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.execution.shipment-delivered', LogisticsShipmentDeliveredV1, ctx, (e, m) => this.execution.applyDelivered(m, e.payload));
  }
}
