import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Assessment, ReviewDepartment } from '@opm/contracts';

/** Sales' record of one department's task in a round, fed by the departments' review events (R3.7, R3.8). */
@Entity('sales_review_task')
export class ReviewTaskCopy {
  @PrimaryColumn('uuid')
  orderId!: string;

  @PrimaryColumn('int')
  round!: number;

  @PrimaryColumn({ type: 'text' })
  department!: ReviewDepartment;

  @Column({ type: 'uuid', nullable: true })
  taskId!: string | null;

  /** REQUESTED until the department has opened the task (sales has its event), OPEN until it answers, then DONE. */
  @Column({ type: 'text' })
  status!: 'REQUESTED' | 'OPEN' | 'DONE';

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  escalatedTo!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  assessment!: Assessment | null;

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
}
