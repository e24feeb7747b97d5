import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A question someone working on an order asks engineering, and its answer (R5.4). */
@Entity('technical_issue')
export class TechnicalIssue {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column('text')
  question!: string;

  @Column('text')
  status!: 'OPEN' | 'ANSWERED';

  @Column('text')
  raisedBy!: string;

  @Column('text')
  raisedByDepartment!: string;

  @Column('timestamptz')
  raisedAt!: Date;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'text', nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
