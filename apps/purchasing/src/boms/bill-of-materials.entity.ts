import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export interface BomLine {
  material: string;
  /** Material per unit of product, in the material's stock unit. */
  quantityPerUnit: number;
}

/** What one unit of a product consumes; the catalog (production) refers to it by bomRef. */
@Entity('bill_of_materials')
export class BillOfMaterials {
  @PrimaryColumn('text')
  bomRef!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'jsonb' })
  lines!: BomLine[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
