import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read copy of finance's credit account for the preliminary credit check (R2.4); finance owns the truth. */
@Entity('sales_customer_credit')
export class CustomerCredit {
  @PrimaryColumn('uuid')
  customerId!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  creditLimit!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  openOrderAmount!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  openInvoiceAmount!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  exposure!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  overdueAmount!: string;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
