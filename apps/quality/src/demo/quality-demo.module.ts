import { Module } from '@nestjs/common';
import { StandardsModule } from '../standards/standards.module';
import { QualityDemoSeeder } from './quality-demo.seeder';

@Module({ imports: [StandardsModule], providers: [QualityDemoSeeder] })
export class QualityDemoModule {}
