import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { Assessment, ReviewDepartment, ReviewOrderSnapshot } from '@opm/contracts';

export const REVIEW_TASK_STATUSES = ['OPEN', 'DONE', 'SUPERSEDED'] as const;
export type ReviewTaskStatus = (typeof REVIEW_TASK_STATUSES)[number];

/** One department's review of one round of an order (R3.1-R3.8), owned by that department's service. */
@Entity('review_task')
export class ReviewTask {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column('int')
  round!: number;

  @Column({ type: 'text' })
  department!: ReviewDepartment;

  @Column({ type: 'text' })
  status!: ReviewTaskStatus;

  @Column()
  major!: boolean;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  @Column({ type: 'jsonb' })
  assessment!: Assessment;

  /** The order as sales sent it for this round. */
  @Column({ type: 'jsonb' })
  order!: ReviewOrderSnapshot;

  @Column({ type: 'text', nullable: true })
  conclusion!: 'PASS' | 'FAIL' | null;

  @Column({ type: 'text', nullable: true })
  opinion!: string | null;

  @Column({ type: 'jsonb' })
  proposals!: string[];

  @Column({ type: 'text', nullable: true })
  reviewer!: string | null;

  @Column({ type: 'text', nullable: true })
  reviewerRole!: string | null;

  @Column()
  autoConfirmed!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @VersionColumn()
  version!: number;
}
