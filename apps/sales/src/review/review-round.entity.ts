import { Column, Entity, PrimaryColumn } from 'typeorm';
import { z } from 'zod';
import type { ReviewReport } from './review-report';

export const REVIEW_ROUND_STATUSES = ['OPEN', 'AWAITING_CHAIR', 'PASSED', 'FAILED', 'SUPERSEDED'] as const;
export type ReviewRoundStatus = (typeof REVIEW_ROUND_STATUSES)[number];

/** The panel chair's sign-off of a major order's report (R3.1). */
export const ChairConclusionSchema = z.object({
  conclusion: z.enum(['PASS', 'FAIL']),
  comment: z.string(),
  chair: z.string(),
  decidedAt: z.iso.datetime({ offset: true }),
});
export type ChairConclusion = z.infer<typeof ChairConclusionSchema>;

/** Why sales revised the order before a round, and by whom (R3.7). */
export const RoundRevisionSchema = z.object({
  reason: z.string(),
  by: z.string().nullable(),
  at: z.iso.datetime({ offset: true }),
});
export type RoundRevision = z.infer<typeof RoundRevisionSchema>;

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
  revision!: RoundRevision | null;
}
