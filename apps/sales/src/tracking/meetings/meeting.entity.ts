import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface AgendaEntry {
  orderId: string;
  number: string;
  department: string;
  kind: string;
  summary: string;
  dueAt: string | null;
  overdue: boolean;
  ref: { type: string; id: string };
}

/** A tracking meeting (R6.3): its agenda as drawn when it was called, then its minutes. */
@Entity('sales_tracking_meeting')
export class Meeting {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  /** null: every order tracked. */
  @Column({ type: 'jsonb', nullable: true })
  orderIds!: string[] | null;

  @Column({ type: 'jsonb' })
  agenda!: AgendaEntry[];

  @Column({ type: 'text', nullable: true })
  minutes!: string | null;

  @Column('text')
  createdBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'text', nullable: true })
  minutesBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  minutesAt!: Date | null;
}

/** An action the meeting decided: a department does something by a time; open and past it, it is overdue (R6.3, R6.4). */
@Entity('sales_tracking_meeting_action')
export class MeetingAction {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  meetingId!: string;

  /** null: a general action, shown with its meeting. */
  @Column({ type: 'uuid', nullable: true })
  orderId!: string | null;

  @Column('text')
  department!: string;

  @Column('text')
  description!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  doneBy!: string | null;
}
