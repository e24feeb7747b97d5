import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReservationSource = 'STOCK' | 'RECEIPT';

/**
 * Stock held for one order (R5.2): free stock reserved when its requirements were computed, or goods received for it
 * and accepted by incoming inspection. Free stock is on hand minus the active (not released) reservations.
 */
@Entity('stock_reservation')
export class StockReservation {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column('text')
  material!: string;

  /** numeric(18,3), read as text. */
  @Column({ type: 'numeric', precision: 18, scale: 3 })
  quantity!: string;

  @Column('text')
  source!: ReservationSource;

  @Column({ type: 'uuid', nullable: true })
  receiptId!: string | null;

  @Column('timestamptz')
  reservedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  releaseReason!: string | null;
}
