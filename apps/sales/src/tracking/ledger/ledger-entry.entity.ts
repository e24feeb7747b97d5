import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Department } from '@opm/contracts';
import type { LedgerKind } from './ledger-entry';

/**
 * One fact of the tracking ledger (R6.2). `seq` numbers an order's entries 1, 2, 3... in the order the facts happened
 * for the order (ledger-order.ts), assigned under the order row's lock (LedgerService.record); `eventId` is unique, so
 * an event is entered once even past the inbox. `publisher`/`publisherSeq`/`causationId` are what orders it;
 * `topic`/`partition`/`offset` say where the fact was read, for the replay's comparison.
 */
@Entity('sales_ledger_entry')
export class LedgerEntry {
  @PrimaryColumn('uuid')
  eventId!: string;

  @Column('uuid')
  orderId!: string;

  @Column('int')
  seq!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column('text')
  department!: Department;

  @Column('text')
  actor!: string;

  @Column('text')
  kind!: LedgerKind;

  @Column('text')
  summary!: string;

  @Column('text')
  refType!: string;

  @Column('text')
  refId!: string;

  @Column('jsonb')
  data!: Record<string, unknown>;

  @Column('text')
  publisher!: string;

  @Column({ type: 'bigint', nullable: true })
  publisherSeq!: string | null;

  @Column({ type: 'uuid', nullable: true })
  causationId!: string | null;

  @Column('text')
  topic!: string;

  @Column('int')
  partition!: number;

  @Column('bigint')
  offset!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
