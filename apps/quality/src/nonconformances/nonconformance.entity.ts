import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { NonconformanceDisposition, NonconformanceStatus } from '@opm/contracts';

/** A nonconformance notice raised by a failed lot (R5.3), tracked to closure. */
@Entity('quality_nonconformance')
export class Nonconformance {
  @PrimaryColumn('uuid')
  id!: string;

  @Column()
  number!: string;

  @Column('uuid')
  orderId!: string;

  @Column('uuid')
  inspectionId!: string;

  @Column()
  description!: string;

  @Column({ type: 'text' })
  status!: NonconformanceStatus;

  @Column({ type: 'text', nullable: true })
  disposition!: NonconformanceDisposition | null;

  @Column({ type: 'text', nullable: true })
  dispositionNote!: string | null;

  @Column({ type: 'text', nullable: true })
  dispositionedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dispositionedAt!: Date | null;

  @Column()
  raisedBy!: string;

  @Column({ type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ type: 'text', nullable: true })
  closedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @VersionColumn()
  version!: number;
}
