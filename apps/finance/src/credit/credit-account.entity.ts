import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A customer's credit account (R2.4): finance owns the limit. Exposure and overdue debt are not stored here: they are
 * summed from finance's copy of the orders and from its invoices and payments, so they can never drift from them.
 */
@Entity('credit_account')
export class CreditAccount {
  @PrimaryColumn('uuid')
  customerId!: string;

  /** As sales registered it; a label for people reading finance data, not finance's own fact. */
  @Column({ type: 'text', nullable: true })
  customerName!: string | null;

  /** Null until finance sets one; such a customer fails the preliminary credit check. */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  creditLimit!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** Optimistic concurrency (N3): a PUT with a stale If-Match is refused. */
  @Column('int')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
