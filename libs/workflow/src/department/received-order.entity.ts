import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { OrderStatus, SalesOrderReceived } from '@opm/contracts';

/** A department's own copy of an order it was told about (event-carried state, R1.3). */
@Entity('received_order')
export class ReceivedOrder {
  @PrimaryColumn('uuid')
  orderId!: string;

  @Column()
  number!: string;

  @Column('uuid')
  customerId!: string;

  @Column({ type: 'date', nullable: true })
  deliveryDate!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  totalAmount!: string;

  @Column({ type: 'jsonb' })
  lines!: SalesOrderReceived['lines'];

  @Column({ type: 'jsonb' })
  specialRequirements!: SalesOrderReceived['specialRequirements'];

  /** The event this copy came from, for tracing. */
  @Column('uuid')
  sourceEventId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;

  /** Set when sales issues the signed order to the departments (R4.2). */
  @Column({ type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  signedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  documentHash!: string | null;

  /**
   * The order's status as sales last published it, kept only by departments that register OrderStatusCopyModule
   * (null elsewhere, and until the first status change arrives).
   */
  @Column({ type: 'text', nullable: true })
  status!: OrderStatus | null;

  /** The order's version that status came with: an older status never overwrites a newer one. */
  @Column({ type: 'int', nullable: true })
  statusVersion!: number | null;
}
