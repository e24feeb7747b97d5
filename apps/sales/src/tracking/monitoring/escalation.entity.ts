import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** Why an order was escalated at once (R6.5). */
export const ESCALATION_KINDS = ['MAJOR_PROBLEM', 'LATE_REVIEW', 'LATE_ACKNOWLEDGEMENT', 'SUPPLIER_OVERDUE', 'SUPPLIER_DELAY'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** PENDING: to be mailed (again); MAILED; NO_SMTP: no SMTP_URL configured; NO_RECIPIENTS: nobody with an e-mail address to tell. */
export const ESCALATION_MAIL_STATUSES = ['PENDING', 'MAILED', 'NO_SMTP', 'NO_RECIPIENTS'] as const;
export type EscalationMailStatus = (typeof ESCALATION_MAIL_STATUSES)[number];

@Entity('sales_escalation')
@Unique(['kind', 'refId'])
export class Escalation {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column('text')
  kind!: EscalationKind;

  /** The department whose head is told beside leadership. */
  @Column('text')
  department!: string;

  @Column('text')
  summary!: string;

  @Column('text')
  refType!: string;

  @Column('text')
  refId!: string;

  @Column({ type: 'timestamptz' })
  raisedAt!: Date;

  @Column('text')
  mailStatus!: EscalationMailStatus;

  @Column({ type: 'text', nullable: true })
  mailedTo!: string | null;

  @Column('int')
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  mailedAt!: Date | null;
}
