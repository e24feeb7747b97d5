import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReviewReport } from './review-report';

export type ReviewRoundStatus = 'OPEN' | 'AWAITING_CHAIR' | 'PASSED' | 'FAILED' | 'SUPERSEDED';

export interface ChairConclusion {
  conclusion: 'PASS' | 'FAIL';
  comment: string;
  chair: string;
  decidedAt: string;
}

/** One round of department review of an order (R3.7); a revision opens the next, earlier ones are kept (R3.8). */
@Entity('sales_review_round')
export class ReviewRound {
  @PrimaryColumn('uuid')
  orderId!: string;

  @PrimaryColumn('int')
  round!: number;

  @Column({ type: 'text' })
  status!: ReviewRoundStatus;

  /** Major or complex (R3.1): a panel chaired by a leader signs off the report. */
  @Column()
  major!: boolean;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  concludedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  report!: ReviewReport | null;

  @Column({ type: 'jsonb', nullable: true })
  chair!: ChairConclusion | null;

  /** Why sales revised the order before this round, and by whom. */
  @Column({ type: 'jsonb', nullable: true })
  revision!: { reason: string; by: string | null; at: string } | null;
}
