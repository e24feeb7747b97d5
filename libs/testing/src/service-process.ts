import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, WriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { eventually, GiveUp } from './eventually';

/** The repository root, from the sources (jest) or from their build in dist/ alike. */
function findRepoRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
  }
  throw new Error(`no nx.json above ${from}`);
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const LOG_DIR = join(REPO_ROOT, '.local', 'test-logs');

/** One service (or the gateway) started as its own OS process from its build in dist/ (tests and local runs). */
export class ServiceProcess {
  private child?: ChildProcess;
  private log?: WriteStream;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logDir = LOG_DIR,
  ) {}

  get logFile(): string {
    return join(this.logDir, `${this.name}.log`);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** `TEST_READY_TIMEOUT_MS` lengthens the wait on a loaded machine (seven Node.js processes start at once). */
  async start(readyTimeoutMs = Number(process.env.TEST_READY_TIMEOUT_MS ?? 60000)): Promise<void> {
    if (this.running) return;
    mkdirSync(this.logDir, { recursive: true });
    this.log = createWriteStream(this.logFile, { flags: 'a' });
    const main = join(REPO_ROOT, 'dist', 'apps', this.name, 'src', 'main.js');
    const child = spawn(process.execPath, [main], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'test', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
    await eventually(
      async () => {
        if (!this.running) throw new GiveUp(`${this.name} exited with ${child.exitCode ?? child.signalCode}; see ${this.logFile}`);
        const res = await fetch(`${this.baseUrl}/health/ready`);
        if (res.status !== 200) throw new Error(`${this.name} not ready: ${res.status} ${await res.text()}`);
      },
      { timeoutMs: readyTimeoutMs, intervalMs: 250 },
    );
  }

  /** SIGTERM, as Kubernetes does; the service leaves its consumer group cleanly. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
    await exited;
    clearTimeout(timer);
    this.log?.end();
  }
}
