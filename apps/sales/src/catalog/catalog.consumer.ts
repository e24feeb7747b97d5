import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ProductionProductUpdatedV1 } from '@opm/contracts';
import { EventContext, Inbox } from '@opm/platform';
import { CatalogProduct } from './catalog-product.entity';

/** Keeps sales' copy of production's catalog, which the preliminary delivery-date check reads (R2.4). */
@Controller()
export class CatalogConsumer {
  constructor(private readonly inbox: Inbox) {}

  @EventPattern(ProductionProductUpdatedV1.topic)
  async onProductUpdated(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('sales.catalog-copy', ProductionProductUpdatedV1, ctx, async (event, m) => {
      const p = event.payload;
      await m.upsert(CatalogProduct, { code: p.code, name: p.name, specifications: p.specifications, leadTimeDays: p.leadTimeDays, active: p.active }, ['code']);
    });
  }
}
