import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { MonitoringItemKind } from './monitoring-rules';

/** What the departments' events said about an order that its expected date and progress are computed from (R6.4, R4.4). */
@Entity('sales_monitoring_order')
export class MonitoringOrder {
  @PrimaryColumn('uuid')
  orderId!: string;

  @Column({ type: 'timestamptz', nullable: true })
  planStart!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  planEnd!: Date | null;

  @Column({ type: 'text', nullable: true })
  planStatus!: string | null;

  @Column('int')
  tasksTotal!: number;

  @Column('int')
  tasksDone!: number;

  @Column({ type: 'date', nullable: true })
  delayedSupplyDate!: string | null;

  @Column({ type: 'date', nullable: true })
  shipmentPlannedDate!: string | null;

  @Column({ type: 'date', nullable: true })
  actualDeliveryDate!: string | null;
}

/** One open (or closed) item of an order: a department's work with a due time, or something holding the order back. */
@Entity('sales_monitoring_item')
@Unique(['kind', 'refId', 'department'])
export class MonitoringItem {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column('text')
  department!: string;

  @Column('text')
  kind!: MonitoringItemKind;

  @Column('text')
  refType!: string;

  @Column('text')
  refId!: string;

  @Column('text')
  summary!: string;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}

/** The durable change log the stream resumes from (Last-Event-ID): one row per change of an order's monitoring row. */
@Entity('sales_monitoring_change')
export class MonitoringChange {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column('uuid')
  orderId!: string;

  @Column({ type: 'timestamptz' })
  changedAt!: Date;
}
