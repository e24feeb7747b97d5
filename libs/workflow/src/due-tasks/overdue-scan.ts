import { OnApplicationBootstrap, OnApplicationShutdown, Provider, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicJob } from '@opm/platform';
import { DueTask, DueTaskKind, escalateOverdue } from './due-task';

/**
 * Looks for overdue tasks of one kind at start-up and then every `scanEveryMs`, one scan at a time; shutting
 * down waits for a scan that is running. The state is in the database, so a restart loses nothing.
 */
export class OverdueScan<T extends DueTask> implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job: PeriodicJob;

  constructor(dataSource: DataSource, kind: DueTaskKind<T>) {
    this.job = new PeriodicJob(`overdue ${kind.label} scan`, kind.scanEveryMs, () => escalateOverdue(dataSource, kind));
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }
}

/** The scan of one kind of due task, for a module's providers (the kind must be one of them too). */
export function overdueScanOf<T extends DueTask>(kind: Type<DueTaskKind<T>>): Provider {
  return {
    provide: Symbol(`overdue scan of ${kind.name}`),
    useFactory: (dataSource: DataSource, instance: DueTaskKind<T>) => new OverdueScan(dataSource, instance),
    inject: [getDataSourceToken(), kind],
  };
}
