import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The loss of a cancelled order as finance recorded it (R8.5): the estimate the cancellation was approved with. */
@Entity('finance_cancellation_loss')
export class CancellationLoss {
  @PrimaryColumn('uuid')
  orderId!: string;

  @Column('uuid')
  requestId!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  workDone!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  materialsCommitted!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  restockingFees!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  total!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column('text')
  reason!: string;

  @Column('timestamptz')
  recordedAt!: Date;
}
