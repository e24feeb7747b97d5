import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { DunningMailLevel } from './dunning-mail';

/** PENDING: to be mailed (again, after a failed attempt); MAILED; NO_SMTP: no SMTP_URL configured; NO_ADDRESS: the customer has no e-mail address. */
export const DUNNING_MAIL_STATUSES = ['PENDING', 'MAILED', 'NO_SMTP', 'NO_ADDRESS'] as const;
export type DunningMailStatus = (typeof DUNNING_MAIL_STATUSES)[number];

/** One dunning level finance recorded for an order's invoice, and whether sales mailed it to the customer (R7.3). */
@Entity('sales_dunning_mail')
@Unique(['invoiceId', 'level'])
export class DunningMail {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column('uuid')
  invoiceId!: string;

  @Column('text')
  invoiceNumber!: string;

  @Column('uuid')
  customerId!: string;

  @Column('text')
  level!: DunningMailLevel;

  @Column('int')
  daysOverdue!: number;

  /** Integer minor units. */
  @Column('bigint')
  outstanding!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column('date')
  dueDate!: string;

  @Column({ type: 'timestamptz' })
  dunnedAt!: Date;

  @Column('text')
  status!: DunningMailStatus;

  @Column({ type: 'text', nullable: true })
  mailedTo!: string | null;

  @Column('int')
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  mailedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  messageId!: string | null;
}
