import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DepartmentService } from '@opm/contracts';
import type { OrderDocumentData } from '../documents/order-document-data';
import type { CONFIRMATION_CHANNELS } from './dto/customer-confirmation.dto';

/** The signed, issued version of an order (R4.2): what was signed is kept as it was, with its fingerprint. */
@Entity('sales_issuance')
export class Issuance {
  @PrimaryColumn('uuid')
  orderId!: string;

  @Column()
  signedBy!: string;

  @Column({ type: 'timestamptz' })
  signedAt!: Date;

  /** documentFingerprint of `document`: the verification code on the printed order. */
  @Column()
  documentHash!: string;

  @Column({ type: 'jsonb' })
  document!: OrderDocumentData;

  @Column({ type: 'timestamptz' })
  acknowledgeBy!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;
}

/** An executing department's acknowledgement that it recorded the issued order (R4.3). */
@Entity('sales_issue_ack')
export class IssueAcknowledgement {
  @PrimaryColumn('uuid')
  orderId!: string;

  @PrimaryColumn({ type: 'text' })
  department!: DepartmentService;

  @Column()
  documentHash!: string;

  @Column({ type: 'timestamptz' })
  acknowledgedAt!: Date;
}

/** The customer confirmed receipt of the issued order and was told the expected delivery date (R4.4). */
@Entity('sales_customer_confirmation')
export class CustomerConfirmation {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column()
  confirmedBy!: string;

  @Column({ type: 'text' })
  channel!: (typeof CONFIRMATION_CHANNELS)[number];

  @Column({ type: 'timestamptz' })
  confirmedAt!: Date;

  @Column({ type: 'date' })
  expectedDeliveryDate!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  emailedTo!: string | null;

  @Column({ type: 'text', nullable: true })
  emailMessageId!: string | null;

  /** The execution progress told to the customer (R4.4), from tracking's state at the time; null for confirmations recorded before it was kept. */
  @Column({ type: 'text', nullable: true })
  progress!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
