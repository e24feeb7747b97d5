import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CheckpointSource, PlanStatus, PlanTaskStatus, ProblemSeverity, ProductionProblemKind } from '@opm/contracts';
import { hoursTransformer } from '../work-centres/hours.transformer';
import type { UnplannedLine } from './plan-scheduler';

/** Quality's control measures for an order, from its latest review answer (R3.4), kept with the order copy. */
@Entity('order_quality_measures')
export class OrderQualityMeasures {
  @PrimaryColumn('uuid')
  orderId!: string;

  @Column('int')
  round!: number;

  @Column({ type: 'jsonb' })
  measures!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;
}

/** The production plan of an issued order (R5.1). */
@Entity('production_plan')
export class ProductionPlan {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column('text')
  orderNumber!: string;

  @Column('text')
  status!: PlanStatus;

  @Column('int')
  version!: number;

  @Column({ type: 'date', nullable: true })
  deliveryDate!: string | null;

  @Column('int')
  shippingDays!: number;

  /** Production must end before this day: the delivery date minus shipping time. */
  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  plannedEnd!: Date | null;

  @Column('boolean')
  late!: boolean;

  @Column({ type: 'date', nullable: true })
  earliestDeliveryDate!: string | null;

  @Column({ type: 'jsonb' })
  unplannedLines!: UnplannedLine[];

  @Column('int')
  quantityOrdered!: number;

  @Column({ type: 'int', nullable: true })
  quantityProduced!: number | null;

  @Column({ type: 'text', nullable: true })
  completionReason!: string | null;

  @Column({ type: 'text', nullable: true })
  releasedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  completedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  stoppedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  stoppedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  stopReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One routing step of one order line on one work centre, with its resources (R5.1). */
@Entity('production_task')
export class ProductionTask {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  planId!: string;

  @Column('int')
  seq!: number;

  @Column('int')
  lineNo!: number;

  @Column('text')
  name!: string;

  @Column('text')
  workCentre!: string;

  @Column({ type: 'numeric', precision: 12, scale: 4, transformer: hoursTransformer })
  hours!: number;

  @Column('int')
  staffCount!: number;

  @Column('text', { array: true })
  equipment!: string[];

  @Column('timestamptz')
  plannedStart!: Date;

  @Column('timestamptz')
  plannedEnd!: Date;

  @Column('text')
  status!: PlanTaskStatus;

  @Column('int')
  progressPercent!: number;

  @Column({ type: 'text', nullable: true })
  lastNote!: string | null;
}

/** A quality checkpoint of a plan (R5.1): a control measure from quality's review (R3.4) or the standard final check. */
@Entity('production_checkpoint')
export class ProductionCheckpoint {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  planId!: string;

  @Column('int')
  seq!: number;

  @Column('text')
  name!: string;

  @Column('text')
  source!: CheckpointSource;
}

/** A problem recorded against a plan and resolved with a resolution (R5.1). */
@Entity('production_problem')
export class ProductionProblem {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  planId!: string;

  @Column('uuid')
  orderId!: string;

  @Column('text')
  kind!: ProductionProblemKind;

  @Column('text')
  severity!: ProblemSeverity;

  @Column('text')
  description!: string;

  @Column('text')
  status!: 'OPEN' | 'RESOLVED';

  @Column('text')
  raisedBy!: string;

  @Column('timestamptz')
  raisedAt!: Date;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;

  @Column({ type: 'text', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}

export const PLAN_ENTITIES = [OrderQualityMeasures, ProductionPlan, ProductionTask, ProductionCheckpoint, ProductionProblem];
