import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The quality standards quality can attain for one catalog product (R3.4): tolerance classes, inspection
 * certificates, protection ratings and compliance declarations, as their usual names ("ISO 2768-f",
 * "EN 10204 3.1", "IP65", "RoHS"). Quality owns it; the catalog (production) only names the product.
 */
@Entity('quality_capability')
export class QualityCapability {
  @PrimaryColumn('text')
  productCode!: string;

  @Column('text', { array: true })
  attainableStandards!: string[];

  /** How quality inspects the product today (methods, equipment, frequency): the basis of control measures. */
  @Column({ type: 'text', nullable: true })
  inspectionNotes!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
