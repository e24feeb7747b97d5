import { Module } from '@nestjs/common';
import { CatalogReadCopyModule } from '@opm/workflow';
import { PurchasingCatalogProduct } from './catalog-product.entity';

/** Purchasing's copy of production's catalog (R1.3: production owns it), read by the materials review (R3.5). */
@Module({
  imports: [CatalogReadCopyModule.register({ consumer: 'purchasing.catalog-copy', entity: PurchasingCatalogProduct, fields: ['name', 'bomRef', 'leadTimeDays', 'active'] })],
})
export class CatalogModule {}
