import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContractStatus } from '@opm/contracts';
import type { DueTask } from '@opm/workflow';

export interface ContractLine {
  lineNo: number;
  materialCode: string;
  /** Decimal strings: quantity to 3 decimals in the stock unit, money to 2. */
  quantity: string;
  unitPrice: string;
  amount: string;
}

export interface ContractDelay {
  previousDeliveryDate: string;
  newDeliveryDate: string;
  reason: string;
  reportedBy: string;
  reportedAt: string;
}

/**
 * A purchase contract with a supplier for an order's materials (R5.2). Its due time is the end of its delivery date:
 * a signed contract not fully received by then is overdue, escalated once per delivery date (a delay sets a new one).
 */
@Entity('purchase_contract')
export class PurchaseContract implements DueTask {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  number!: string;

  @Column('uuid')
  orderId!: string;

  @Column('text')
  supplierId!: string;

  @Column('text')
  supplierName!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'jsonb' })
  lines!: ContractLine[];

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  totalAmount!: string;

  @Column('date')
  deliveryDate!: string;

  @Column('date')
  originalDeliveryDate!: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  restockingFeePercent!: string | null;

  @Column('text')
  status!: ContractStatus;

  @Column('int')
  version!: number;

  @Column({ type: 'jsonb' })
  delays!: ContractDelay[];

  @Column('text')
  createdBy!: string;

  @Column('timestamptz')
  createdAt!: Date;

  @Column({ type: 'text', nullable: true })
  signedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  /** How the order's cancellation was carried out on it (R8.5): cancelled, goods returned or kept, the fee charged. */
  @Column({ type: 'jsonb', nullable: true })
  cancellation!: ContractCancellationRecord | null;
}

export interface ContractCancellationRecord {
  action: 'CANCEL' | 'RETURN' | 'KEEP';
  restockingFee: string;
  goodsKept: string;
  terms: string;
  reason: string;
  cancelledAt: string;
}
