import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InvoiceStatus, PaymentMethod, Reconciliation, SettlementLine } from '@opm/contracts';
import type { DisputeStatus } from './dispute-rules';
import type { DunningLevel } from './dunning';

export type FinanceSettlementStatus = 'SUBMITTED' | 'APPROVED' | 'REJECTED';

/** Finance's copy of a settlement list sales submitted (R7.2), the latest submission, and the finance head's decision on it. */
@Entity('finance_settlement')
export class FinanceSettlement {
  @PrimaryColumn('uuid')
  orderId!: string;

  @Column('uuid')
  settlementId!: string;

  @Column('int')
  revision!: number;

  @Column({ type: 'text' })
  orderNumber!: string;

  @Column('uuid')
  customerId!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'text', nullable: true })
  paymentTerms!: string | null;

  @Column({ type: 'jsonb' })
  lines!: SettlementLine[];

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  totalAmount!: string;

  @Column({ type: 'jsonb' })
  reconciliation!: Reconciliation;

  @Column({ type: 'text' })
  submittedBy!: string;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'text' })
  status!: FinanceSettlementStatus;

  @Column({ type: 'text', nullable: true })
  reviewedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;
}

/** An invoice (R7.2): one per order, issued on the approval of its settlement list. What is outstanding is derived from its payments. */
@Entity('finance_invoice')
export class Invoice {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  number!: string;

  @Column({ type: 'uuid', unique: true })
  orderId!: string;

  @Column({ type: 'text' })
  orderNumber!: string;

  @Column('uuid')
  customerId!: string;

  @Column('uuid')
  settlementId!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'text', nullable: true })
  paymentTerms!: string | null;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'date' })
  dueDate!: string;

  /** How the due date came about: from the payment terms, or set by the finance head. */
  @Column({ type: 'text' })
  dueDateSource!: 'PAYMENT_TERMS' | 'FINANCE';

  @Column({ type: 'text' })
  issuedBy!: string;

  /** Follows from the payments (receivables.ts), written with each payment under the invoice's lock. */
  @Column({ type: 'text' })
  status!: InvoiceStatus;

  /** Set once the credit standing has been re-announced for this invoice falling due (R2.4). */
  @Column({ type: 'date', nullable: true })
  overdueAnnouncedOn!: string | null;

  @Column('int')
  version!: number;
}

/** A payment of an invoice (R7.2, R7.4): partial payments add up; never more than outstanding. */
@Entity('finance_payment')
export class Payment {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  invoiceId!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount!: string;

  @Column({ type: 'text' })
  method!: PaymentMethod;

  @Column({ type: 'timestamptz' })
  paidAt!: Date;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'text' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}

/** A dispute on an invoice (R7.3): while open (or escalated to legal) the invoice is DISPUTED. */
@Entity('finance_dispute')
export class Dispute {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  invoiceId!: string;

  @Column({ type: 'text' })
  status!: DisputeStatus;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  openedBy!: string;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'text', nullable: true })
  escalationNote!: string | null;

  @Column({ type: 'text', nullable: true })
  escalatedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;

  @Column({ type: 'text', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}

/** A dunning notice recorded for an overdue invoice (R7.3): one per level, only upwards. */
@Entity('finance_dunning_notice')
export class DunningNotice {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  invoiceId!: string;

  @Column({ type: 'text' })
  level!: DunningLevel;

  @Column('int')
  daysOverdue!: number;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  outstanding!: string;

  /** The day of the scan that sent it (the clock's, UTC). */
  @Column({ type: 'date' })
  noticeDate!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
