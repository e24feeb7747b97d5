import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InspectionResult, InspectionStage } from '@opm/contracts';

/** One inspected lot of an order (R5.3): a passed lot carries its report number, a failed one raised a nonconformance. */
@Entity('quality_inspection')
export class Inspection {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column({ type: 'text' })
  stage!: InspectionStage;

  @Column()
  lot!: string;

  @Column('int')
  quantityInspected!: number;

  @Column({ type: 'text' })
  result!: InspectionResult;

  @Column({ type: 'text', nullable: true })
  findings!: string | null;

  @Column({ type: 'text', nullable: true })
  reportNumber!: string | null;

  @Column()
  inspectedBy!: string;

  @Column({ type: 'timestamptz' })
  inspectedAt!: Date;
}
