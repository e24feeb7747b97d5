import { Module } from '@nestjs/common';
import { PurchasingDemoSeeder } from './purchasing-demo.seeder';

@Module({ providers: [PurchasingDemoSeeder] })
export class PurchasingDemoModule {}
