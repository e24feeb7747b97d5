import type { MonitoringRowView } from '../monitoring/monitoring.view';
import type { AgendaEntry } from './meeting.entity';

const HOLDS_BACK = new Set(['PROBLEM', 'NONCONFORMANCE']);

/**
 * A tracking meeting's agenda (R6.3): every open problem and nonconformance of the orders, then every other overdue
 * item, oldest due first within each order; orders in the order given.
 */
export function drawAgenda(rows: readonly MonitoringRowView[]): AgendaEntry[] {
  const entries: AgendaEntry[] = [];
  for (const row of rows) {
    const overdue = new Set(row.overdueItems.map((i) => `${i.kind}|${i.ref.id}|${i.department}`));
    const problems = row.openItems.filter((i) => HOLDS_BACK.has(i.kind));
    const late = row.overdueItems.filter((i) => !HOLDS_BACK.has(i.kind));
    for (const i of [...problems, ...late]) {
      entries.push({ orderId: row.orderId, number: row.number, department: i.department, kind: i.kind, summary: i.summary, dueAt: i.dueAt, overdue: overdue.has(`${i.kind}|${i.ref.id}|${i.department}`), ref: i.ref });
    }
  }
  return entries;
}
