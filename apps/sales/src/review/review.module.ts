import { Module } from '@nestjs/common';
import { ApprovalsModule } from '../approvals/approvals.module';
import { ReviewService } from './review.service';

/** The review service; its controller lives with the orders module, which revise shares. */
@Module({ imports: [ApprovalsModule], providers: [ReviewService], exports: [ReviewService] })
export class ReviewModule {}
