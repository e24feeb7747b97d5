import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { hoursTransformer } from './hours.transformer';
import { WorkCentre } from './work-centre.entity';

/** One date on which a work centre has other hours than its daily figure (holiday, maintenance, extra shift). */
@Entity('work_centre_calendar_exception')
export class WorkCentreCalendarException {
  @PrimaryColumn('text')
  workCentre!: string;

  @PrimaryColumn('date')
  date!: string;

  @ManyToOne(() => WorkCentre, (c) => c.exceptions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workCentre' })
  centre!: Relation<WorkCentre>;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: hoursTransformer })
  hours!: number;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
