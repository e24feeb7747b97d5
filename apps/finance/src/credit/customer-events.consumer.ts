import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { SalesCustomerRegisteredV1 } from '@opm/contracts';
import { Inbox } from '@opm/platform';
import type { EventContext } from '@opm/platform';
import { CreditService } from './credit.service';

/** Finance learns customers from sales (R1.3: sales owns contacts) and opens their credit accounts (R2.4). */
@Controller()
export class CustomerEventsConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly credit: CreditService,
  ) {}

  @EventPattern(SalesCustomerRegisteredV1.topic)
  async onCustomerRegistered(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('finance.customers', SalesCustomerRegisteredV1, ctx, async (event, m) => {
      await this.credit.openAccount(m, event.payload);
    });
  }
}
