import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per order issued to quality: every change of the order's quality results locks it first, and its
 * revision is what `quality.order.results-changed.v1` announces (a reader keeps the highest).
 */
@Entity('quality_order_results')
export class QualityOrderResults {
  @PrimaryColumn('uuid')
  orderId!: string;

  @Column('int')
  revision!: number;

  @Column({ type: 'timestamptz', nullable: true })
  changedAt!: Date | null;
}
