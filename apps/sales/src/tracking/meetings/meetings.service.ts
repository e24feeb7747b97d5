import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Department } from '@opm/contracts';
import { AuditLog, BusinessRuleProblem, ConflictProblem, NotFoundProblem, type Principal } from '@opm/platform';
import { isOverdue } from '../monitoring/monitoring-rules';
import { MonitoringService } from '../monitoring/monitoring.service';
import { drawAgenda } from './meeting-agenda';
import { CreateMeetingDto, MeetingMinutesDto } from './meeting.dto';
import { Meeting, MeetingAction } from './meeting.entity';
import type { MeetingView } from './meeting.view';

/**
 * Tracking meetings (R6.3): the agenda is drawn from the monitoring projection when the meeting is called; the
 * minutes record actions, and an open action of an order is one of its monitoring items (kind MEETING_ACTION), so it
 * shows as overdue there once its time has passed. A general action (no order) is shown overdue with its meeting.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly monitoring: MonitoringService,
    private readonly audit: AuditLog,
  ) {}

  async create(dto: CreateMeetingDto, actor: Principal): Promise<MeetingView> {
    const orderIds = dto.orderIds ? [...new Set(dto.orderIds)] : null;
    return this.dataSource.transaction(async (m) => {
      const items = await this.monitoring.rows(m, { orderIds: orderIds ?? undefined });
      if (orderIds) {
        const missing = orderIds.filter((id) => !items.some((r) => r.orderId === id));
        if (missing.length) throw new BusinessRuleProblem('not every order is tracked', { errors: missing.map((id) => ({ field: 'orderIds', message: `order ${id} is not tracked` })) });
      }
      const rows = orderIds ? orderIds.flatMap((id) => items.filter((r) => r.orderId === id)) : items;
      const meeting = m.create(Meeting, { id: randomUUID(), title: dto.title, orderIds, agenda: drawAgenda(rows), minutes: null, createdBy: actor.username, createdAt: new Date(), minutesBy: null, minutesAt: null });
      await m.insert(Meeting, meeting);
      await this.audit.record(m, { action: 'tracking.meeting-called', entityType: 'tracking-meeting', entityId: meeting.id, reason: `${dto.title}: ${meeting.agenda.length} agenda items`, after: meeting });
      return this.view(meeting, []);
    });
  }

  async recordMinutes(id: string, dto: MeetingMinutesDto, actor: Principal): Promise<MeetingView> {
    return this.dataSource.transaction(async (m) => {
      const [locked] = await m.query('SELECT id FROM sales_tracking_meeting WHERE id = $1 FOR UPDATE', [id]);
      if (!locked) throw new NotFoundProblem(`no tracking meeting ${id}`);
      const meeting = await m.findOneByOrFail(Meeting, { id });
      if (meeting.minutes !== null) throw new ConflictProblem('the minutes of this meeting are recorded already', { minutesAt: meeting.minutesAt?.toISOString() });
      const only = meeting.orderIds?.length === 1 ? meeting.orderIds[0] : null;
      const actions = dto.actions.map((a) => m.create(MeetingAction, { id: randomUUID(), meetingId: id, orderId: a.orderId ?? only, department: a.department, description: a.description, dueAt: new Date(a.dueAt), doneAt: null, doneBy: null }));
      for (const [i, a] of actions.entries()) {
        if (a.orderId && !(await this.monitoring.knows(m, a.orderId))) throw new BusinessRuleProblem('the action names an unknown order', { errors: [{ field: `actions[${i}].orderId`, message: `no order ${a.orderId}` }] });
      }
      const at = new Date();
      await m.update(Meeting, { id }, { minutes: dto.minutes, minutesBy: actor.username, minutesAt: at });
      for (const a of actions) {
        await m.insert(MeetingAction, a);
        if (a.orderId) {
          await this.monitoring.open(m, { orderId: a.orderId, department: a.department, kind: 'MEETING_ACTION', refType: 'meeting-action', refId: a.id, summary: `${meeting.title}: ${a.description}`, dueAt: a.dueAt, at });
          await this.monitoring.changed(m, a.orderId);
        }
      }
      await this.audit.record(m, { action: 'tracking.meeting-minutes', entityType: 'tracking-meeting', entityId: id, reason: `${actions.length} actions`, after: { minutes: dto.minutes, actions } });
      return this.view({ ...meeting, minutes: dto.minutes, minutesBy: actor.username, minutesAt: at }, actions);
    });
  }

  async done(id: string, actionId: string, actor: Principal): Promise<MeetingView> {
    return this.dataSource.transaction(async (m) => {
      const [locked] = await m.query('SELECT id FROM sales_tracking_meeting_action WHERE id = $1 AND "meetingId" = $2 FOR UPDATE', [actionId, id]);
      if (!locked) throw new NotFoundProblem(`no action ${actionId} in tracking meeting ${id}`);
      const action = await m.findOneByOrFail(MeetingAction, { id: actionId });
      if (action.doneAt) throw new ConflictProblem('the action is done already', { doneAt: action.doneAt.toISOString() });
      const at = new Date();
      await m.update(MeetingAction, { id: actionId }, { doneAt: at, doneBy: actor.username });
      if (action.orderId) {
        await this.monitoring.close(m, { orderId: action.orderId, department: action.department, kind: 'MEETING_ACTION', refType: 'meeting-action', refId: action.id, at });
        await this.monitoring.changed(m, action.orderId);
      }
      await this.audit.record(m, { action: 'tracking.meeting-action-done', entityType: 'tracking-meeting', entityId: id, reason: action.description });
      return this.get(id, m);
    });
  }

  async get(id: string, m = this.dataSource.manager): Promise<MeetingView> {
    const meeting = await m.findOneBy(Meeting, { id });
    if (!meeting) throw new NotFoundProblem(`no tracking meeting ${id}`);
    const actions = await m.find(MeetingAction, { where: { meetingId: id }, order: { dueAt: 'ASC' } });
    return this.view(meeting, actions);
  }

  private view(meeting: Meeting, actions: MeetingAction[]): MeetingView {
    const now = new Date();
    return {
      id: meeting.id,
      title: meeting.title,
      orderIds: meeting.orderIds,
      agenda: meeting.agenda,
      minutes: meeting.minutes,
      createdBy: meeting.createdBy,
      createdAt: meeting.createdAt.toISOString(),
      minutesBy: meeting.minutesBy,
      minutesAt: meeting.minutesAt?.toISOString() ?? null,
      actions: actions.map((a) => ({
        id: a.id,
        orderId: a.orderId,
        department: a.department as Department,
        description: a.description,
        dueAt: a.dueAt.toISOString(),
        status: a.doneAt ? 'DONE' : 'OPEN',
        overdue: isOverdue({ dueAt: a.dueAt, closedAt: a.doneAt }, now),
        doneAt: a.doneAt?.toISOString() ?? null,
        doneBy: a.doneBy,
      })),
    };
  }
}
