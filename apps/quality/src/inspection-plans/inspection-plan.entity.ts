import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InspectionPlanItem } from './inspection-plan';

/** The order's inspection plan (R5.3), drafted when the order is issued to quality. */
@Entity('quality_inspection_plan')
export class InspectionPlan {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column()
  orderNumber!: string;

  @Column({ type: 'jsonb' })
  items!: InspectionPlanItem[];

  /** The quality review task whose attained standards and control measures the plan carries (R3.4); null if none. */
  @Column({ type: 'uuid', nullable: true })
  reviewTaskId!: string | null;

  @Column({ type: 'timestamptz' })
  draftedAt!: Date;
}
