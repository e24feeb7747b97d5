import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { OrderChannel, OrderStatus, SpecialRequirements } from '@opm/contracts';
import { OrderLine } from './order-line.entity';
import type { Escalation, PendingChange, PreliminaryReview } from './order-records';

/** The order as sales owns it (R2.2): the aggregate whose status machine leads the whole process. */
@Entity('sales_order')
export class Order {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ unique: true })
  number!: string;

  @Column({ type: 'text' })
  status!: OrderStatus;

  @VersionColumn()
  version!: number;

  @Column({ type: 'text' })
  channel!: OrderChannel;

  @Column({ type: 'uuid', nullable: true })
  leadId!: string | null;

  @Column('uuid')
  customerId!: string;

  @Column({ type: 'text', nullable: true })
  contactPerson!: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'date' })
  orderDate!: string;

  @Column({ type: 'date', nullable: true })
  deliveryDate!: string | null;

  @Column({ type: 'text', nullable: true })
  deliveryPlace!: string | null;

  @Column({ type: 'text', nullable: true })
  paymentTerms!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** Computed from the lines, never typed (R2.2); numeric, read back as a string. */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  totalAmount!: string;

  @Column({ type: 'jsonb' })
  specialRequirements!: SpecialRequirements;

  /** Flagged complex by sales: a review panel whatever the amount (R3.1). */
  @Column({ default: false })
  complex!: boolean;

  @Column({ type: 'text', nullable: true })
  createdBy!: string | null;

  /** The latest preliminary review (R2.4); every run is kept in sales_preliminary_review. */
  @Column({ type: 'jsonb', nullable: true })
  preliminaryReview!: PreliminaryReview | null;

  @Column({ type: 'jsonb', nullable: true })
  escalation!: Escalation | null;

  /** The open change or cancellation request (R8.3, the semantic lock); null when none is open. */
  @Column({ type: 'jsonb', nullable: true })
  pendingChange!: PendingChange | null;

  @OneToMany(() => OrderLine, (line) => line.order, { cascade: ['insert'] })
  lines!: OrderLine[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
