import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PreliminaryCheck } from './preliminary-review';

/** Every run of the preliminary review, kept for tracing (R2.4, R2.5: a re-run after new information). */
@Entity('sales_preliminary_review')
export class PreliminaryReviewRun {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column({ type: 'timestamptz' })
  ranAt!: Date;

  @Column()
  outcome!: string;

  @Column({ type: 'jsonb' })
  checks!: PreliminaryCheck[];

  @Column({ type: 'jsonb' })
  missing!: string[];
}
