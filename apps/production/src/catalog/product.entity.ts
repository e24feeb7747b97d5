import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export interface CapacityUse {
  workCentre: string;
  hoursPerUnit: number;
}

/**
 * A catalog product as production owns it (R2.2, R2.4): exactly the fields of the contract's ProductSchema,
 * plus a version for optimistic concurrency (N3). Sales and the reviewers get copies by event.
 */
@Entity('product')
export class Product {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text', { array: true })
  specifications!: string[];

  @Column('int')
  leadTimeDays!: number;

  @Column({ type: 'jsonb' })
  capacityUse!: CapacityUse[];

  /** Bill of materials in purchasing, by reference. */
  @Column({ type: 'text', nullable: true })
  bomRef!: string | null;

  /** Decimal string; numeric in the database, never a float (N3). */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  standardCost!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column('boolean')
  active!: boolean;

  @Column('int')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
