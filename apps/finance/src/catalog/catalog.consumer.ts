import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ProductionProductUpdatedV1 } from '@opm/contracts';
import { EventContext, Inbox } from '@opm/platform';
import { FinanceCatalogProduct } from './catalog-product.entity';

/** Keeps finance's copy of production's catalog (R1.3: production owns it), read by the cost review (R3.6). */
@Controller()
export class CatalogConsumer {
  constructor(private readonly inbox: Inbox) {}

  @EventPattern(ProductionProductUpdatedV1.topic)
  async onProductUpdated(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('finance.catalog-copy', ProductionProductUpdatedV1, ctx, async (event, m) => {
      const p = event.payload;
      // Events of one product arrive in order (keyed by its code): the latest is the catalog as it stands.
      await m.upsert(FinanceCatalogProduct, { code: p.code, name: p.name, standardCost: p.standardCost, currency: p.currency, active: p.active }, ['code']);
    });
  }
}
