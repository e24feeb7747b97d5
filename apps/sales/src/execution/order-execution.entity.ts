import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LineQuantity } from './delivery';

/**
 * The facts of an order's execution as sales learns them (R5.1, R5.3): production's plan (released, completed,
 * stopped), quality's latest results (the highest revision) and logistics' shipping (R5.5). Written only under the order's row lock.
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

  /** Per order line, the quantities of the dispatched shipments (R5.5). */
  @Column({ type: 'jsonb' })
  shippedLines!: LineQuantity[];

  /** Per order line, the highest delivered total logistics reported over the order's shipments (R5.5). */
  @Column({ type: 'jsonb' })
  deliveredLines!: LineQuantity[];

  @Column('int')
  shipmentsDispatched!: number;

  @Column('int')
  shipmentsDelivered!: number;

  @Column({ type: 'timestamptz', nullable: true })
  firstDispatchedAt!: Date | null;

  /** When sales moved the order to SHIPPED. */
  @Column({ type: 'timestamptz', nullable: true })
  shippedAt!: Date | null;

  /** The latest proof of delivery's receivedAt. */
  @Column({ type: 'timestamptz', nullable: true })
  lastReceivedAt!: Date | null;

  /** When sales moved the order to DELIVERED. */
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  /** The actual delivery (R1.4): the last receivedAt when every ordered quantity had been delivered. */
  @Column({ type: 'timestamptz', nullable: true })
  actualDeliveryAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
