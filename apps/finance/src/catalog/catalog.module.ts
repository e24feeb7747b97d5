import { Module } from '@nestjs/common';
import { CatalogConsumer } from './catalog.consumer';

@Module({ controllers: [CatalogConsumer] })
export class CatalogModule {}
