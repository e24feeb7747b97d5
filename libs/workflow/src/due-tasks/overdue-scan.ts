import { Logger, OnApplicationBootstrap, OnApplicationShutdown, Provider, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DueTask, DueTaskKind, escalateOverdue } from './due-task';

/**
 * Looks for overdue tasks of one kind at start-up and then every `scanEveryMs`, one scan at a time; shutting
 * down waits for a scan that is running. The state is in the database, so a restart loses nothing.
 */
export class OverdueScan<T extends DueTask> implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OverdueScan.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kind: DueTaskKind<T>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.kind.scanEveryMs);
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = escalateOverdue(this.dataSource, this.kind)
      .then((n) => n > 0 && this.logger.log(`escalated ${n} overdue ${this.kind.label}(s)`))
      .catch((err: Error) => this.logger.warn(`overdue ${this.kind.label} scan failed: ${err.message}`))
      .finally(() => (this.running = undefined));
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
