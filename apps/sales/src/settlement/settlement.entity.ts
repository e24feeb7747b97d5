import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Reconciliation, SettlementLine, SettlementStatus } from '@opm/contracts';

/** Finance's last decision on the list, shown to sales (a rejection's comment stays until the list is submitted again). */
export interface SettlementReviewRecord {
  decision: 'APPROVE' | 'REJECT';
  comment: string | null;
  reviewedBy: string;
  reviewedAt: string;
  revision: number;
}

/** The invoice finance issued for the list, as its event told sales. */
export interface SettlementInvoiceRecord {
  invoiceId: string;
  number: string;
  amount: string;
  currency: string;
  issuedAt: string;
  dueDate: string;
  /** What remained after finance's last payment (finance.payment.recorded); absent while none was heard. */
  outstanding?: string | null;
}

/** An order's settlement list (R7.1-7.2), one per order, drafted by sales from the delivered quantities. Written under the order's row lock. */
@Entity('sales_settlement')
export class Settlement {
  @PrimaryColumn('uuid')
  orderId!: string;

  @Column({ type: 'uuid', unique: true })
  id!: string;

  @Column({ type: 'text' })
  status!: SettlementStatus;

  @Column({ type: 'jsonb' })
  lines!: SettlementLine[];

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  totalAmount!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  orderedAmount!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'text', nullable: true })
  paymentTerms!: string | null;

  /** How many times it was submitted; the review events name the submission they decide. */
  @Column('int')
  revision!: number;

  @Column({ type: 'text' })
  draftedBy!: string;

  @Column({ type: 'timestamptz' })
  draftedAt!: Date;

  @Column({ type: 'jsonb', nullable: true })
  reconciliation!: Reconciliation | null;

  @Column({ type: 'text', nullable: true })
  submittedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  review!: SettlementReviewRecord | null;

  @Column({ type: 'jsonb', nullable: true })
  invoice!: SettlementInvoiceRecord | null;

  /** The invoice's last payment, once finance reports it paid in full (it may be heard before the invoice). */
  @Column({ type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column('int')
  version!: number;
}
