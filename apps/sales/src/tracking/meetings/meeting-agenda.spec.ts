import type { MonitoringRowView } from '../monitoring/monitoring.view';
import { drawAgenda } from './meeting-agenda';

const item = (kind: MonitoringRowView['openItems'][number]['kind'], id: string, dueAt: string | null, department = 'PRODUCTION') => ({ department, kind, summary: `${kind} ${id}`, dueAt, ref: { type: kind.toLowerCase(), id } });

const row = (orderId: string, open: MonitoringRowView['openItems'], overdue: MonitoringRowView['overdueItems']): MonitoringRowView => ({
  orderId,
  number: `SO-2027-${orderId.slice(0, 6)}`,
  status: 'IN_EXECUTION',
  customer: { id: '00000000-0000-4000-8000-000000000001', name: 'c' },
  promisedDate: '2027-03-31',
  expectedDate: '2027-03-31',
  progress: { planStatus: 'IN_PROGRESS', tasksDone: 0, tasksTotal: 2 },
  openItems: open,
  overdueItems: overdue,
});

describe('tracking meeting agenda', () => {
  it('R6.3 lists every open problem and nonconformance, then the other overdue items, and leaves out what is open and on time', () => {
    const problem = item('PROBLEM', 'p1', null);
    const nc = item('NONCONFORMANCE', 'n1', null, 'QUALITY');
    const lateTask = item('PLAN_TASK', 't1', '2027-03-01T00:00:00.000Z');
    const onTimeTask = item('PLAN_TASK', 't2', '2027-04-01T00:00:00.000Z');
    const agenda = drawAgenda([row('aaaaaaaa-0000-4000-8000-000000000000', [problem, lateTask, onTimeTask, nc], [lateTask]), row('bbbbbbbb-0000-4000-8000-000000000000', [onTimeTask], [])]);
    expect(agenda.map((a) => [a.kind, a.ref.id, a.overdue])).toEqual([
      ['PROBLEM', 'p1', false],
      ['NONCONFORMANCE', 'n1', false],
      ['PLAN_TASK', 't1', true],
    ]);
    expect(agenda[0]).toMatchObject({ number: 'SO-2027-aaaaaa', department: 'PRODUCTION', summary: 'PROBLEM p1' });
  });
});
