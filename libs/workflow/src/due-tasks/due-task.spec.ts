import { IsNull } from 'typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DueTask, DueTaskKind, escalateOverdue } from './due-task';
import { OverdueScan } from './overdue-scan';

interface Row extends DueTask {
  id: string;
  status: 'OPEN' | 'DONE';
}
class RowEntity {}

const row = (id: string): Row => ({ id, status: 'OPEN', dueAt: new Date('2026-11-01T08:00:00Z'), escalatedAt: null });

/** A database that hands out the given overdue rows one per query, as the locked query would. */
function database(overdue: Row[]) {
  const manager = {
    findOne: jest.fn(async () => overdue.shift() ?? null),
    save: jest.fn(async (_entity: unknown, saved: Row) => saved),
  };
  const transaction = jest.fn(async (work: (m: EntityManager) => Promise<unknown>) => work(manager as unknown as EntityManager));
  return { manager, transaction, dataSource: { transaction } as unknown as DataSource };
}

function kind(escalated: DueTaskKind<Row>['escalated'] = async () => undefined): DueTaskKind<Row> {
  return { label: 'test task', entity: RowEntity, open: { status: 'OPEN' }, scanEveryMs: 1000, escalated: jest.fn(escalated) };
}

describe(escalateOverdue.name, () => {
  it('R3.7 escalates each overdue open task once, in its own transaction, oldest due first, skipping rows locked elsewhere', async () => {
    const db = database([row('a'), row('b')]);
    const k = kind();
    expect(await escalateOverdue(db.dataSource, k)).toBe(2);
    expect(db.transaction).toHaveBeenCalledTimes(3);
    expect(db.manager.findOne).toHaveBeenCalledWith(RowEntity, {
      where: { status: 'OPEN', escalatedAt: IsNull(), dueAt: expect.anything() },
      order: { dueAt: 'ASC' },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    const [m, task, before] = (k.escalated as jest.Mock).mock.calls[0];
    expect(m).toBe(db.manager);
    expect(task).toMatchObject({ id: 'a', escalatedAt: expect.any(Date) });
    expect(before).toMatchObject({ id: 'a', escalatedAt: null });
    expect(db.manager.save).toHaveBeenCalledWith(RowEntity, task);
  });

  it('stops at the limit; the next scan takes the rest', async () => {
    const db = database([row('a'), row('b'), row('c')]);
    expect(await escalateOverdue(db.dataSource, kind(), 2)).toBe(2);
    expect(await escalateOverdue(db.dataSource, kind(), 2)).toBe(1);
  });

  it('a failing escalation fails the scan (its transaction rolls back, the task stays due)', async () => {
    const db = database([row('a')]);
    await expect(escalateOverdue(db.dataSource, kind(async () => Promise.reject(new Error('outbox down'))))).rejects.toThrow('outbox down');
  });
});

describe(OverdueScan.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('R3.7 scans at start-up and then every scanEveryMs, one scan at a time; shutting down waits for the running one', async () => {
    const db = database([]);
    let release!: () => void;
    const scan = new OverdueScan(db.dataSource, kind());
    scan.onApplicationBootstrap();
    expect(db.transaction).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(db.transaction).toHaveBeenCalledTimes(2);

    db.transaction.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(false))));
    await jest.advanceTimersByTimeAsync(1000);
    await jest.advanceTimersByTimeAsync(3000);
    expect(db.transaction).toHaveBeenCalledTimes(3);

    let closed = false;
    const closing = scan.onApplicationShutdown().then(() => (closed = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(closed).toBe(false);
    release();
    await closing;
    await jest.advanceTimersByTimeAsync(5000);
    expect(db.transaction).toHaveBeenCalledTimes(3);
  });
});
