import { Column, CreateDateColumn, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export const LEAD_SOURCES = ['CAMPAIGN', 'WEB', 'TRADE_SHOW', 'PARTNER_REFERRAL', 'OTHER'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const LEAD_STATUSES = ['NEW', 'CONVERTED'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** A lead marketing hands to sales (R2.1). */
@Entity('sales_lead')
export class Lead {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  source!: LeadSource;

  @Column({ type: 'text', nullable: true })
  campaign!: string | null;

  @Column()
  companyName!: string;

  @Column()
  contactPerson!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column()
  interest!: string;

  @Column({ type: 'text' })
  status!: LeadStatus;

  @Column({ type: 'uuid', nullable: true })
  customerId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  convertedOrderId!: string | null;

  @Column({ type: 'text', nullable: true })
  createdBy!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
