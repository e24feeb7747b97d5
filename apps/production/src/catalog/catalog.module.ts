import { Module } from '@nestjs/common';
import { WorkCentresModule } from '../work-centres/work-centres.module';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';

@Module({ imports: [WorkCentresModule], controllers: [ProductsController], providers: [ProductsService], exports: [ProductsService] })
export class CatalogModule {}
