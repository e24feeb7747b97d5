import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ShipmentStatus } from '@opm/contracts';
import type { LineQuantity } from './shipment-rules';

/**
 * A shipment of an order (R5.5): its lines and quantities, carrier, planned date, transport mode and packaging
 * (defaulted from the order's special requirements, R2.3), its dispatch and its proof of delivery.
 */
@Entity('logistics_shipment')
export class Shipment {
  @PrimaryColumn('uuid')
  id!: string;

  @Column()
  number!: string;

  @Column('uuid')
  orderId!: string;

  @Column({ type: 'text' })
  status!: ShipmentStatus;

  @Column({ type: 'jsonb' })
  lines!: LineQuantity[];

  @Column()
  carrier!: string;

  @Column({ type: 'date' })
  plannedDate!: string;

  @Column()
  transportMode!: string;

  @Column()
  packaging!: string;

  @Column()
  plannedBy!: string;

  @Column({ type: 'timestamptz' })
  plannedAt!: Date;

  @Column({ type: 'text', nullable: true })
  trackingNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  dispatchedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  /** The proof of delivery: who received it, when, what quantities, a note; null until delivered. */
  @Column({ type: 'text', nullable: true })
  receivedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  deliveredLines!: LineQuantity[] | null;

  @Column({ type: 'text', nullable: true })
  deliveryNote!: string | null;

  @Column({ type: 'text', nullable: true })
  deliveryRecordedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveryRecordedAt!: Date | null;

  @Column('int')
  version!: number;
}
