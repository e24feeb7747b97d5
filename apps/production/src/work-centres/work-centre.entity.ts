import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn, type ValueTransformer } from 'typeorm';
import { hoursTransformer } from './hours.transformer';
import { WorkCentreCalendarException } from './work-centre-calendar-exception.entity';

/** bigint money columns in minor units: pg hands them over as strings, the code works in bigint. */
const minorUnits: ValueTransformer = {
  to: (value: bigint | undefined) => (value === undefined ? value : value.toString()),
  from: (value: string) => BigInt(value),
};

/** A group of machines and people that products pass through; its capacity feeds the capacity review (R3.3). */
@Entity('work_centre')
export class WorkCentre {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  /** Hours available on a normal day; a calendar exception overrides it for one date. */
  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: hoursTransformer })
  hoursPerDay!: number;

  /** The crew a task on this centre is given per shift (R5.1 resources). */
  @Column('int')
  staff!: number;

  /** The machines and rigs a task on this centre uses (R5.1 resources). */
  @Column('text', { array: true })
  equipment!: string[];

  /** Labour cost of an hour worked on this centre, in minor units of `rateCurrency` (R5.6). */
  @Column({ type: 'bigint', transformer: minorUnits })
  labourRateMinor!: bigint;

  /** Overhead (machines, energy, floor space) charged per hour worked on this centre, in minor units (R5.6). */
  @Column({ type: 'bigint', transformer: minorUnits })
  overheadRateMinor!: bigint;

  @Column({ type: 'char', length: 3 })
  rateCurrency!: string;

  @OneToMany(() => WorkCentreCalendarException, (e) => e.centre)
  exceptions!: WorkCentreCalendarException[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
