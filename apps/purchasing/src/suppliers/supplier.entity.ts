import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One material a supplier can deliver, with its lead time and price (R3.5). */
export interface SuppliedMaterial {
  material: string;
  leadTimeDays: number;
  /** Decimal string per unit of the material (N3: never a float). */
  unitPrice: string;
  currency: string;
}

@Entity('supplier')
export class Supplier {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'jsonb' })
  materials!: SuppliedMaterial[];

  /** 1 (poor) to 5 (excellent): purchasing's judgement of delivery and quality record. */
  @Column('smallint')
  rating!: number;

  @Column('boolean')
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
