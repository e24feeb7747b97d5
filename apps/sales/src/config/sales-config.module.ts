import { Global, Module } from '@nestjs/common';
import { loadSalesConfig, SALES_CONFIG } from './sales-config';

/** Sales' settings for every sales module, validated once when the app is built. */
@Global()
@Module({ providers: [{ provide: SALES_CONFIG, useFactory: () => loadSalesConfig() }], exports: [SALES_CONFIG] })
export class SalesConfigModule {}
