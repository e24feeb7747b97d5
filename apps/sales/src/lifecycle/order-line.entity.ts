import { Column, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Order } from './order.entity';

@Entity('sales_order_line')
export class OrderLine {
  @PrimaryColumn('uuid')
  orderId!: string;

  @PrimaryColumn('int')
  lineNo!: number;

  @ManyToOne(() => Order, (order) => order.lines, { onDelete: 'CASCADE' })
  order!: Relation<Order>;

  /** A catalog product, or null for a free-text line (which needs technical review). */
  @Column({ type: 'text', nullable: true })
  productCode!: string | null;

  @Column({ type: 'text', nullable: true })
  productName!: string | null;

  @Column({ type: 'text', nullable: true })
  specification!: string | null;

  @Column('int')
  quantity!: number;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  unitPrice!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount!: string;
}
