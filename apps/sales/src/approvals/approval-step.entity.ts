import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { ApprovalStep as Step } from '@opm/contracts';
import type { StepStatus } from './approval-chain';

/** One step of an order's approval chain (R4.1); a new chain after each new review. */
@Entity('sales_approval_step')
export class ApprovalStepRecord {
  @PrimaryColumn('uuid')
  orderId!: string;

  @PrimaryColumn('int')
  chain!: number;

  @PrimaryColumn({ type: 'text' })
  step!: Step;

  @Column('int')
  seq!: number;

  @Column({ type: 'text' })
  status!: StepStatus;

  @Column({ type: 'text', nullable: true })
  decidedBy!: string | null;

  /** The approver a delegate decided for. */
  @Column({ type: 'text', nullable: true })
  onBehalfOf!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @VersionColumn()
  version!: number;
}
