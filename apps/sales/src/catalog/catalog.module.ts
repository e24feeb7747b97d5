import { Module } from '@nestjs/common';
import { CatalogReadCopyModule } from '@opm/workflow';
import { CatalogProduct } from './catalog-product.entity';

/** Sales' copy of production's catalog, which the preliminary delivery-date check reads (R2.4). */
@Module({
  imports: [CatalogReadCopyModule.register({ consumer: 'sales.catalog-copy', entity: CatalogProduct, fields: ['name', 'specifications', 'leadTimeDays', 'active'] })],
})
export class CatalogModule {}
