import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The facts of an order's execution as sales learns them (R5.1, R5.3): production's plan (released, completed,
 * stopped) and quality's latest results (the highest revision). Written only under the order's row lock.
 */
@Entity('sales_order_execution')
export class OrderExecution {
  @PrimaryColumn('uuid')
  orderId!: string;

  @Column({ type: 'uuid', nullable: true })
  planId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  releasedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  plannedEnd!: Date | null;

  @Column({ type: 'boolean', nullable: true })
  late!: boolean | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  completedBy!: string | null;

  @Column({ type: 'int', nullable: true })
  quantityProduced!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  stoppedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  stoppedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  stopReason!: string | null;

  @Column('int')
  qualityRevision!: number;

  @Column('int')
  inspectionsPassed!: number;

  @Column('int')
  inspectionsFailed!: number;

  @Column()
  finalInspectionPassed!: boolean;

  @Column('int')
  openNonconformances!: number;

  @Column({ type: 'timestamptz', nullable: true })
  qualityChangedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  readyToShipAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
