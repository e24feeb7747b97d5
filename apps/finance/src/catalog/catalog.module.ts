import { Module } from '@nestjs/common';
import { CatalogReadCopyModule } from '@opm/workflow';
import { FinanceCatalogProduct } from './catalog-product.entity';

/** Finance's copy of production's catalog (R1.3: production owns it), read by the cost review (R3.6). */
@Module({
  imports: [CatalogReadCopyModule.register({ consumer: 'finance.catalog-copy', entity: FinanceCatalogProduct, fields: ['name', 'standardCost', 'currency', 'active'] })],
})
export class CatalogModule {}
