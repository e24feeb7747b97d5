import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What an applied change made purchasing do (R8.3): per material, what to buy or to cancel under the contracts' terms. */
@Entity('requirement_adjustment')
export class RequirementAdjustment {
  @PrimaryColumn('uuid')
  orderId!: string;

  /** The order version the change produced. */
  @PrimaryColumn('int')
  version!: number;

  @Column('uuid')
  requestId!: string;

  /** adjustmentFigures(): per material to buy (and its cost), stock released, contract quantities cut and their fees. */
  @Column({ type: 'jsonb' })
  figures!: Record<string, unknown>;

  @Column('timestamptz')
  adjustedAt!: Date;
}
