import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { WorkCentresModule } from '../work-centres/work-centres.module';
import { ProductionDemoSeeder } from './production-demo.seeder';

@Module({ imports: [CatalogModule, WorkCentresModule], providers: [ProductionDemoSeeder] })
export class ProductionDemoModule {}
