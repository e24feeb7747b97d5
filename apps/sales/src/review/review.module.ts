import { Module } from '@nestjs/common';
import { loadSalesConfig, SALES_CONFIG } from '../config/sales-config';
import { ReviewService } from './review.service';

/** The review service; its controller lives with the orders module, which revise shares. Settings validated at boot. */
@Module({ providers: [ReviewService, { provide: SALES_CONFIG, useFactory: () => loadSalesConfig() }], exports: [ReviewService] })
export class ReviewModule {}
