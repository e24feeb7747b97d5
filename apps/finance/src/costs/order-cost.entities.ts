import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { CostCategory, CostSource } from './cost-rules';

/** bigint columns hold money in minor units; pg hands them over as strings, the code works in bigint. */
const minorUnits: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};

/** An order's cost account (R5.6): its currency and planned cost; the row its writers lock first. */
@Entity('finance_order_cost')
export class OrderCost {
  @PrimaryColumn('uuid')
  orderId!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  plannedMaterials!: bigint | null;

  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  plannedLabour!: bigint | null;

  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  plannedOverhead!: bigint | null;

  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  plannedTotal!: bigint | null;

  /** The finance review task whose estimate is the plan. */
  @Column({ type: 'uuid', nullable: true })
  reviewTaskId!: string | null;

  @Column({ type: 'int', nullable: true })
  reviewRound!: number | null;

  /** How the review estimated it (standard cost x quantity, split by the policy's percentages). */
  @Column({ type: 'text', nullable: true })
  costBasis!: string | null;

  /** Order lines the review could not cost (no standard cost): the plan leaves them out. */
  @Column('int', { array: true })
  uncostedLines!: number[];

  @Column({ type: 'timestamptz', nullable: true })
  plannedAt!: Date | null;

  /** computedAt of the purchasing requirements whose reserved stock is charged: an older one never replaces it. */
  @Column({ type: 'timestamptz', nullable: true })
  stockComputedAt!: Date | null;
}

/** One actual cost of an order, from one event (a work report, an accepted receipt line, a reserved stock line). */
@Entity('finance_cost_entry')
export class CostEntryRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column('text')
  category!: CostCategory;

  @Column('text')
  source!: CostSource;

  /** The task, receipt or material it is for. */
  @Column('text')
  ref!: string;

  /** What makes it one cost: the same key twice is the same cost, whatever event carried it. */
  @Column({ type: 'text', unique: true })
  sourceKey!: string;

  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  amount!: bigint | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  @Column('jsonb')
  detail!: Record<string, string | null>;

  @Column('uuid')
  sourceEventId!: string;

  @Column('timestamptz')
  occurredAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
