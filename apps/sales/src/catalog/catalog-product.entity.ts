import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Read copy of production's catalog: what an order line may reference, and its lead time (R2.4). */
@Entity('sales_catalog_product')
export class CatalogProduct {
  @PrimaryColumn()
  code!: string;

  @Column()
  name!: string;

  @Column({ type: 'jsonb' })
  specifications!: string[];

  @Column('int')
  leadTimeDays!: number;

  @Column()
  active!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
