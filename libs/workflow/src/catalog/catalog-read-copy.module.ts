import { Controller, DynamicModule, Module, Type } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import type { EntityTarget } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Product, ProductionProductUpdatedV1 } from '@opm/contracts';
import { type EventContext, Inbox } from '@opm/platform';

/** A product field the copy keeps under the same name, with a type its column holds. */
type CopiedField<T> = { [K in Exclude<keyof Product, 'code'> & keyof T]: Product[K] extends T[K] ? K : never }[Exclude<keyof Product, 'code'> & keyof T];

export interface CatalogReadCopyOptions<T extends { code: string }> {
  /** The inbox consumer name (`<service>.catalog-copy`): the inbox rows carry it, so it does not change. */
  consumer: string;
  /** The service's own table for the copy, keyed by product code. */
  entity: EntityTarget<T>;
  /** The product fields it keeps besides the code, named as in `production.product.updated`. */
  fields: readonly CopiedField<T>[];
}

/**
 * A service's read copy of production's catalog (R1.3: production owns it), fed by `production.product.updated`:
 * each service keeps, in its own table, the fields it reads (sales: specifications and lead time for the
 * preliminary review; purchasing: bill of materials and lead time; finance: standard cost).
 */
@Module({})
export class CatalogReadCopyModule {
  static register<T extends { code: string }>({ consumer, entity, fields }: CatalogReadCopyOptions<T>): DynamicModule {
    @Controller()
    class CatalogCopyConsumer {
      constructor(private readonly inbox: Inbox) {}

      @EventPattern(ProductionProductUpdatedV1.topic)
      async onProductUpdated(@Ctx() ctx: EventContext): Promise<void> {
        await this.inbox.consume(consumer, ProductionProductUpdatedV1, ctx, async (event, m) => {
          const p = event.payload;
          const copy = Object.fromEntries([['code', p.code], ...fields.map((f) => [f, p[f as keyof Product]])]);
          // Events of one product arrive in order (keyed by its code): the latest is the catalog as it stands.
          await m.upsert(entity, copy as QueryDeepPartialEntity<T>, ['code']);
        });
      }
    }

    return { module: CatalogReadCopyModule, controllers: [CatalogCopyConsumer as Type] };
  }
}
