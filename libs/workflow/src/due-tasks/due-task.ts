import type { DataSource, EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere } from 'typeorm';
import { IsNull, Raw } from 'typeorm';

/**
 * What every task with a due time keeps in its row (its table holds more, its key included): the row is the state,
 * so a restart loses nothing. A task without a due time (null) is never overdue.
 */
export interface DueTask {
  dueAt: Date | null;
  /** Set once, when the task is escalated for being overdue. */
  escalatedAt: Date | null;
}

/**
 * One kind of task with a due time that is escalated once when it is overdue: review tasks today; production
 * plans, inspections and shipments next. It says where its rows are, which of them still wait for an answer,
 * how often to look, and what escalating one means besides setting `escalatedAt` (its event and audit entry).
 */
export interface DueTaskKind<T extends DueTask> {
  /** For the log: "review task". */
  readonly label: string;
  readonly entity: EntityTarget<T>;
  /** The tasks still waiting for an answer, such as `{ status: 'OPEN' }`: only they are escalated. */
  readonly open: FindOptionsWhere<T>;
  /** How often overdue tasks are looked for, in milliseconds (and once at start-up). */
  readonly scanEveryMs: number;
  /** In the escalation's transaction, once `escalatedAt` is saved: publish the event, record the audit entry. */
  escalated(m: EntityManager, task: T & { escalatedAt: Date }, before: T): Promise<void>;
}

/**
 * Escalates the overdue open tasks of one kind, each once and in its own transaction, oldest due first;
 * replicas share the work (a task being escalated elsewhere is skipped, not waited for). Returns how many.
 */
export async function escalateOverdue<T extends DueTask>(dataSource: DataSource, kind: DueTaskKind<T>, limit = 50): Promise<number> {
  let escalated = 0;
  while (escalated < limit) {
    const done = await dataSource.transaction(async (m) => {
      const task = await m.findOne(kind.entity, {
        where: { ...kind.open, escalatedAt: IsNull(), dueAt: Raw((column) => `${column} < now()`) } as FindOptionsWhere<T>,
        order: { dueAt: 'ASC' } as FindOptionsOrder<T>,
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      if (!task) return false;
      const before = { ...task };
      const overdue = Object.assign(task, { escalatedAt: new Date() });
      await m.save(kind.entity, overdue);
      await kind.escalated(m, overdue, before);
      return true;
    });
    if (!done) break;
    escalated += 1;
  }
  return escalated;
}
