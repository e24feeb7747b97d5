import { Controller, Get, Param } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ProductionWorkReportedV1, PurchasingReceiptInspectedV1, PurchasingRequirementsComputedV1 } from '@opm/contracts';
import { Allow, ApiAnswers, type EventContext, Inbox, uuidParam } from '@opm/platform';
import { CostsService } from './costs.service';
import { OrderCostsView } from './order-costs.view';

const EXAMPLE: OrderCostsView = {
  orderId: '3f1c2a9e-5b7d-4c1e-9a2b-8d6f0e4c7a21',
  currency: 'CNY',
  planned: { materials: '546.00', labour: '168.00', overhead: '126.00', total: '840.00' },
  actual: { materials: '512.40', labour: '180.00', overhead: '112.50', total: '804.90' },
  variance: { materials: '-33.60', labour: '12.00', overhead: '-13.50', total: '-35.10' },
  plannedFrom: {
    reviewTaskId: '0b8f3c52-3f7e-4d84-9a41-6c2f1d0e7b55',
    reviewRound: 1,
    costBasis: 'standard cost x quantity; standard cost = full unit cost, shown as 15.00% overhead, 20.00% labour, rest materials',
    uncostedLines: [],
    plannedAt: '2026-12-02T09:15:00.000Z',
  },
  actualFrom: { hoursWorked: '4.50', workReports: 2, acceptedReceipts: 1, receiptMaterials: '480.40', reservedStockLines: 1, stockMaterials: '32.00' },
  notCounted: [],
};

/** An order's cost account (R5.6): finance, the sales head and the leadership read it. */
@ApiTags('finance')
@Controller('finance/orders')
export class CostsController {
  constructor(private readonly costs: CostsService) {}

  @Get(':orderId/costs')
  @Allow('FINANCE', 'SALES:HEAD', '*:LEADER')
  @ApiOperation({
    summary: "An order's planned and actual cost per category and the variance (R5.6); finance, sales head, leader",
    description:
      "Planned: finance's review estimate, kept when the order was issued. Actual: production's reported hours at the work centres' rates " +
      '(labour and overhead, each report rounded half up to the cent), accepted receipts at contract prices and reserved stock at standard cost. ' +
      '404 for an order that has not reached finance.',
  })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiAnswers(OrderCostsView, { errors: [400, 403, 404], description: "the order's cost account", example: EXAMPLE })
  get(@Param('orderId', uuidParam('orderId')) orderId: string): Promise<OrderCostsView> {
    return this.costs.get(orderId);
  }
}

/** Production's and purchasing's facts that cost the order something, each applied once (the inbox). */
@Controller()
export class CostEventsConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly costs: CostsService,
  ) {}

  @EventPattern(ProductionWorkReportedV1.topic)
  async onWorkReported(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('finance.costs.work-reported', ProductionWorkReportedV1, ctx, (e, m) => this.costs.applyWorkReported(m, e));
  }

  @EventPattern(PurchasingReceiptInspectedV1.topic)
  async onReceiptInspected(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('finance.costs.receipt-inspected', PurchasingReceiptInspectedV1, ctx, (e, m) => this.costs.applyReceiptInspected(m, e));
  }

  @EventPattern(PurchasingRequirementsComputedV1.topic)
  async onRequirementsComputed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('finance.costs.requirements-computed', PurchasingRequirementsComputedV1, ctx, (e, m) => this.costs.applyRequirementsComputed(m, e));
  }
}
