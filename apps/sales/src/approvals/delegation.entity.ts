import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ApprovalStep } from '@opm/contracts';

/** An approver hands a step to a named colleague of the same role for a period (R4.1), recorded. */
@Entity('sales_approval_delegation')
export class DelegationRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  step!: ApprovalStep;

  @Column()
  delegator!: string;

  @Column()
  delegate!: string;

  @Column({ type: 'timestamptz' })
  validFrom!: Date;

  @Column({ type: 'timestamptz' })
  validTo!: Date;

  @Column()
  reason!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
