import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What an issued order needs of one material (R5.2), computed once when the issued order reaches purchasing. */
@Entity('material_requirement')
export class MaterialRequirement {
  @PrimaryColumn('uuid')
  orderId!: string;

  @PrimaryColumn('text')
  materialCode!: string;

  @Column('text')
  unit!: string;

  @Column('int', { array: true })
  lines!: number[];

  /** Exact decimals, read as text (numeric(18,3)). */
  @Column({ type: 'numeric', precision: 18, scale: 3 })
  required!: string;

  @Column({ type: 'numeric', precision: 18, scale: 3 })
  reserved!: string;

  @Column({ type: 'numeric', precision: 18, scale: 3 })
  toPurchase!: string;

  @Column({ type: 'date', nullable: true })
  neededBy!: string | null;

  @Column({ type: 'date', nullable: true })
  latestOrderDate!: string | null;

  @Column({ type: 'text', nullable: true })
  supplierId!: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  standardUnitCost!: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  @Column('timestamptz')
  computedAt!: Date;
}
