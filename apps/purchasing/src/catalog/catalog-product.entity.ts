import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Read copy of production's catalog, fed by `production.product.updated`: which bill of materials an order
 * line's product uses, and its lead time (the days production needs before delivery), for the review (R3.5).
 */
@Entity('purchasing_catalog_product')
export class PurchasingCatalogProduct {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'text', nullable: true })
  bomRef!: string | null;

  @Column('int')
  leadTimeDays!: number;

  @Column('boolean')
  active!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
