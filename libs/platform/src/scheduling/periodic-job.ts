import { Logger } from '@nestjs/common';

/**
 * Work a service repeats on a timer (overdue scans): at start and then every `everyMs`, one run at a time (a
 * tick while a run is still going is skipped), a failure logged and retried at the next tick, and `stop()`
 * waits for the run in progress so shutting down never closes the database under it. The work keeps its
 * state in the database, so a restart loses nothing.
 */
export class PeriodicJob {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly work: () => Promise<number | void>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    this.timer ??= setInterval(() => this.tick(), this.everyMs);
    this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs now unless a run is in progress; resolves when that run ends (for tests and the first tick). */
  tick(): Promise<unknown> {
    this.running ??= this.work()
      .then((n) => typeof n === 'number' && n > 0 && this.logger.log(`${this.name}: ${n} handled`))
      .catch((err: Error) => this.logger.warn(`${this.name} failed: ${err.message}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
