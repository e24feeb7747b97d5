import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A customer's credit account (R2.4): finance owns the limit and the invoice figures. Open-order exposure is
 * not stored here: it is summed from finance's copy of the orders, so it can never drift from them.
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

  /** Invoiced and not yet paid (invoicing, R7.2, will maintain it). */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  openInvoiceAmount!: string;

  /** Invoiced, past its due date and unpaid (R7.3). */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  overdueAmount!: string;

  /** Optimistic concurrency (N3): a PUT with a stale If-Match is refused. */
  @Column('int')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
