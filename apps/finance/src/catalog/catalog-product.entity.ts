import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Read copy of production's catalog, fed by `production.product.updated`: the standard cost the cost review uses (R3.6). */
@Entity('finance_catalog_product')
export class FinanceCatalogProduct {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  /** Full standard unit cost, decimal string; numeric in the database, never a float (N3). */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  standardCost!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column('boolean')
  active!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
