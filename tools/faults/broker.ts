import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { REPO_ROOT } from '@opm/testing';

const run = promisify(execFile);
const KAFKA_SCRIPT = join(REPO_ROOT, 'deploy', 'local', 'kafka', 'kafka.sh');

/**
 * The suite's own Kafka broker (the project's script, its own ports and a fresh state folder), so killing it
 * disturbs nobody else and replaying its topics from offset 0 replays this run only.
 */
export class SuiteBroker {
  constructor(
    readonly port: number,
    private readonly controllerPort: number,
    private readonly stateDir: string,
  ) {}

  get brokers(): string {
    return `localhost:${this.port}`;
  }

  private env(fresh: boolean): NodeJS.ProcessEnv {
    return {
      ...process.env,
      KAFKA_PORT: String(this.port),
      KAFKA_CONTROLLER_PORT: String(this.controllerPort),
      KAFKA_STATE_DIR: this.stateDir,
      KAFKA_FRESH: fresh ? '1' : '0',
      KAFKA_HEAP: process.env.KAFKA_HEAP ?? '512m',
    };
  }

  /** Starts the broker; `fresh` wipes what an earlier run left. */
  async start(fresh: boolean): Promise<void> {
    await run('bash', [KAFKA_SCRIPT, 'start'], { env: this.env(fresh) });
  }

  /**
   * Waits until the broker can coordinate consumer groups (its offsets topic exists and is loaded). A kafkajs
   * consumer that meets a missing coordinator crashes without restarting, so on a fresh broker the services are
   * started only after this; the restart after a kill is not helped, on purpose (that is part of the fault).
   */
  async waitForGroupCoordinator(timeoutMs: number): Promise<void> {
    const admin = new Kafka({ clientId: 'faults-warmup', brokers: [this.brokers], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
    const end = Date.now() + timeoutMs;
    try {
      await admin.connect();
      for (;;) {
        try {
          await admin.describeGroups(['faults-warmup']);
          return;
        } catch (err) {
          if (Date.now() > end) throw new Error(`the broker's group coordinator is not ready: ${(err as Error).message}`);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** SIGKILL of the broker's JVM: no clean shutdown, as a crashed machine. */
  kill(): void {
    const pid = Number(readFileSync(join(this.stateDir, 'kafka.pid'), 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 1) throw new Error(`no broker pid in ${this.stateDir}`);
    process.kill(pid, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await run('bash', [KAFKA_SCRIPT, 'stop'], { env: this.env(false) });
  }
}
