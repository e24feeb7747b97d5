import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApprovalStep, CancellationLoss, CancellingDepartment, ChangeKind, FieldChange, ImpactDepartment, LossEstimate, OrderSnapshot, RequestedChanges } from '@opm/contracts';
import type { RequestStatus } from './change-rules';

/** A change or cancellation request on an order (R8.1, R8.4): its reason, what it changes, where it stands. */
@Entity('sales_change_request')
export class ChangeRequest {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column('text')
  kind!: ChangeKind;

  @Column('text')
  status!: RequestStatus;

  @Column('text')
  reason!: string;

  @Column({ type: 'jsonb' })
  changes!: RequestedChanges;

  /** The order when the request was opened and as the request would leave it (what the departments assessed). */
  @Column({ type: 'jsonb' })
  current!: OrderSnapshot;

  @Column({ type: 'jsonb' })
  proposed!: OrderSnapshot;

  @Column({ type: 'text', nullable: true })
  requestedBy!: string | null;

  @Column('timestamptz')
  requestedAt!: Date;

  /** Why it ended REJECTED: the department that found it infeasible, or the step that rejected it. */
  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The order version an applied change produced. */
  @Column({ type: 'int', nullable: true })
  appliedVersion!: number | null;

  /** A cancellation's loss estimate, fixed when it is approved (R8.4). */
  @Column({ type: 'jsonb', nullable: true })
  loss!: LossEstimate | null;
}

/** One department's part of an approved cancellation (R8.5): the saga's state, in a table. */
@Entity('sales_cancellation_step')
export class CancellationStep {
  @PrimaryColumn('uuid')
  requestId!: string;

  @PrimaryColumn('text')
  department!: CancellingDepartment;

  @Column('text')
  status!: 'PENDING' | 'DONE' | 'CANNOT_COMPLY';

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;
}

/** One department's impact on a request (R8.2): computed from its own data (the event), then answered by a person of it. */
@Entity('sales_change_impact')
export class ChangeImpact {
  @PrimaryColumn('uuid')
  requestId!: string;

  @PrimaryColumn('text')
  department!: ImpactDepartment;

  @Column('text')
  status!: 'OPEN' | 'DONE';

  /** The department's computed assessment (change.impact.assessed.v1); null until it arrived. */
  @Column({ type: 'jsonb', nullable: true })
  assessment!: { feasible: boolean; summary: string; details: Record<string, unknown>; loss: CancellationLoss | null; assessedAt: string } | null;

  @Column({ type: 'text', nullable: true })
  conclusion!: 'PASS' | 'FAIL' | null;

  @Column({ type: 'text', nullable: true })
  impact!: string | null;

  @Column({ type: 'text', nullable: true })
  opinion!: string | null;

  @Column({ type: 'text', nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}

/** A step of a request's approval chain (R8.2): the order's steps, each decided in order. */
@Entity('sales_change_approval')
export class ChangeApproval {
  @PrimaryColumn('uuid')
  requestId!: string;

  @PrimaryColumn('text')
  step!: ApprovalStep;

  @Column('int')
  seq!: number;

  @Column('text')
  status!: 'PENDING' | 'APPROVED' | 'REJECTED';

  @Column({ type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;
}

/** A version of an order made by an applied change (R8.3): what changed, field by field, when, by whom, which request. */
@Entity('sales_order_version')
export class OrderVersion {
  @PrimaryColumn('uuid')
  orderId!: string;

  @PrimaryColumn('int')
  version!: number;

  @Column('uuid')
  requestId!: string;

  @Column({ type: 'jsonb' })
  changes!: FieldChange[];

  @Column({ type: 'text', nullable: true })
  changedBy!: string | null;

  @Column('timestamptz')
  changedAt!: Date;
}
