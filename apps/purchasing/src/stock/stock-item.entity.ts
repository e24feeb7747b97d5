import { Column, Entity, PrimaryColumn, UpdateDateColumn, type ValueTransformer } from 'typeorm';

/** Quantities are kept exact as numeric(18,3) and shown as numbers (a quantity, not money). */
const quantityTransformer: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Material on hand in the plant's stores. */
@Entity('stock_item')
export class StockItem {
  @PrimaryColumn('text')
  material!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** The unit onHand and BOM quantities are counted in (pcs, kg, m). */
  @Column('text')
  unit!: string;

  @Column({ type: 'numeric', precision: 18, scale: 3, transformer: quantityTransformer })
  onHand!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
