import { Controller, Get, Inject, Param } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FinanceInvoiceDunnedV1 } from '@opm/contracts';
import { ApiAnswers, type EventContext, Inbox, uuidParam } from '@opm/platform';
import { DunningMailService } from './dunning-mail.service';
import { DunningMailsView } from './dunning-mail.view';

@ApiTags('settlement')
@Controller('orders/:id/invoice/dunning')
export class DunningController {
  constructor(@Inject(DunningMailService) private readonly dunning: DunningMailService) {}

  @Get()
  @ApiOperation({ summary: "The dunning levels finance recorded for the order's invoice and whether each was mailed to the customer (R7.3, issue 16 item 4)" })
  @ApiAnswers(DunningMailsView, { errors: [400], description: 'each recorded level with its mail status, oldest first' })
  list(@Param('id', uuidParam('id')) id: string): Promise<DunningMailsView> {
    return this.dunning.ofOrder(id);
  }
}

/** Finance's dunning levels, each recorded once (the inbox) to be mailed after the commit. */
@Controller()
export class DunningConsumer {
  constructor(
    private readonly inbox: Inbox,
    @Inject(DunningMailService) private readonly dunning: DunningMailService,
  ) {}

  @EventPattern(FinanceInvoiceDunnedV1.topic)
  async onDunned(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.dunning.invoice-dunned', FinanceInvoiceDunnedV1, ctx, (e, m) => this.dunning.record(m, e.payload));
  }
}
