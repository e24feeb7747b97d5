import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
