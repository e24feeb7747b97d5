import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReceiptDisposition, ReceiptStatus } from '@opm/contracts';

export interface ReceiptLine {
  materialCode: string;
  /** Decimal string, 3 decimals at most, in the stock unit. */
  quantity: string;
}

/** Goods received against a purchase contract, awaiting (then after) quality's incoming inspection (R5.2, R5.3). */
@Entity('goods_receipt')
export class GoodsReceipt {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  contractId!: string;

  @Column('uuid')
  orderId!: string;

  @Column({ type: 'jsonb' })
  lines!: ReceiptLine[];

  @Column('text')
  status!: ReceiptStatus;

  @Column({ type: 'text', nullable: true })
  disposition!: ReceiptDisposition | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column('text')
  receivedBy!: string;

  @Column('timestamptz')
  receivedAt!: Date;

  @Column({ type: 'text', nullable: true })
  inspectedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  inspectedAt!: Date | null;
}
