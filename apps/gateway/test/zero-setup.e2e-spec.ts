import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, WriteStream } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEPARTMENT_SERVICES, SERVICES } from '@opm/contracts';
import { eventually, LOG_DIR, orderBody, REPO_ROOT } from '@opm/testing';

/**
 * The zero-setup mode as a user runs it (`npm start` after its build step): one process, started with no Kafka
 * and no PostgreSQL in its environment, on its own ports and a data folder of its own, so it cannot use or
 * disturb any broker or database server of the machine.
 */
const BASE_PORT = Number(process.env.ZERO_SETUP_BASE_PORT ?? 3150);
const PG_PORT = Number(process.env.ZERO_SETUP_PG_PORT ?? 5455);
const DEMO_PASSWORD = 'zero-setup-demo-password';
const ENTRY = join(REPO_ROOT, 'dist', 'tools', 'local', 'start-local.js');
const READY_LINE = 'Order process platform is running';

const servicePort = (service: string) => BASE_PORT + 1 + SERVICES.indexOf(service as (typeof SERVICES)[number]);

/** The environment of a machine with Node.js and nothing else: whatever points at Kafka or PostgreSQL is removed. */
function bareEnvironment(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(KAFKA_|PG|DATABASE_URL|TEST_DATABASE_URL|EVENT_TRANSPORT|LOCAL_DATA_DIR|DEMO_)/.test(key) || key.endsWith('_DATABASE_URL')) continue;
    if (/_(PORT|URL)$/.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    LOCAL_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(PG_PORT),
    GATEWAY_PORT: String(BASE_PORT),
    ...Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_PORT`, String(servicePort(s))])),
    DEMO_PASSWORD,
    LOG_LEVEL: 'info',
  };
}

class ZeroSetupRun {
  private child?: ChildProcess;
  private log?: WriteStream;
  output = '';

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the exit code if the process ends before it is ready (or `undefined` once ready). */
  async start(timeoutMs = 120_000): Promise<number | undefined> {
    mkdirSync(LOG_DIR, { recursive: true });
    this.log = createWriteStream(join(LOG_DIR, 'zero-setup.log'), { flags: 'a' });
    this.output = '';
    const child = spawn(process.execPath, [ENTRY], { cwd: REPO_ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      this.log?.write(chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready in ${timeoutMs} ms:\n${this.output.slice(-3000)}`)), timeoutMs);
      const check = () => {
        if (this.output.includes(READY_LINE)) {
          clearTimeout(timer);
          child.stdout?.off('data', check);
          resolve(undefined);
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code ?? -1);
      });
    });
  }

  /** Ctrl-C; resolves with the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGINT', timeoutMs = 45_000): Promise<number | null> {
    const child = this.child;
    if (!child || !this.running) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await exited;
    clearTimeout(timer);
    this.log?.end();
    return code;
  }
}

async function portAnswers(port: number): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch (err) {
    return (err as { code?: string }).code !== 'ECONNREFUSED';
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('zero-setup local mode (e2e: one process, embedded PostgreSQL, in-memory events)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'opm-zero-setup-'));
  const run = new ZeroSetupRun(bareEnvironment(dataDir));
  const api = `http://127.0.0.1:${BASE_PORT}/api/v1`;

  afterAll(async () => {
    await run.stop();
    // Had the run been killed, its PostgreSQL (a process group of its own) would still hold the folder.
    const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function login(): Promise<string> {
    const res = await fetch(`${api}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sales.staff', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
  }

  async function placeOrder(auth: string): Promise<string> {
    const res = await fetch(`${api}/orders`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(orderBody()) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  async function combinedView(auth: string, id: string): Promise<{ id: string; departments: Record<string, { orderId?: string }> }> {
    const res = await fetch(`${api}/orders/${id}`, { headers: { authorization: auth } });
    expect(res.status).toBe(200);
    return (await res.json()) as { id: string; departments: Record<string, { orderId?: string }> };
  }

  async function everyDepartmentHas(auth: string, id: string, timeoutMs = 30_000): Promise<void> {
    await eventually(
      async () => {
        const view = await combinedView(auth, id);
        for (const d of DEPARTMENT_SERVICES) expect({ [d]: view.departments[d]?.orderId }).toEqual({ [d]: id });
      },
      { timeoutMs },
    );
  }

  it('N7 zero-setup mode runs with no Kafka and no PostgreSQL and keeps data across restarts', async () => {
    expect(await run.start()).toBeUndefined();
    expect(run.output).toContain('events: in-memory broker');
    expect(run.output).toContain(`embedded PostgreSQL on 127.0.0.1:${PG_PORT}`);
    expect(run.output).toContain(`http://localhost:${BASE_PORT}/api/docs`);

    // Readiness names what carries the events: the in-memory broker, not Kafka.
    const ready = (await (await fetch(`http://127.0.0.1:${servicePort('production')}/health/ready`)).json()) as { details: Record<string, unknown> };
    expect(Object.keys(ready.details).sort()).toEqual(['database', 'memory']);

    let auth = await login();
    const id = await placeOrder(auth);
    await everyDepartmentHas(auth, id);

    // The order lives in the embedded cluster under the data folder.
    const { databasePassword } = JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8')) as { databasePassword: string };
    const db = new Client({ host: '127.0.0.1', port: PG_PORT, user: 'postgres', password: databasePassword, database: 'opm_sales' });
    await db.connect();
    try {
      expect((await db.query('SELECT count(*)::int AS n FROM sales_order WHERE id = $1', [id])).rows[0].n).toBe(1);
    } finally {
      await db.end();
    }

    // Ctrl-C: a clean exit, and the embedded PostgreSQL is stopped too.
    expect(await run.stop('SIGINT')).toBe(0);
    expect(run.output).toContain('stopped.');
    expect(await portAnswers(PG_PORT)).toBe(false);

    // Started again on the same data folder: the order is still there, in every department, and events flow.
    expect(await run.start()).toBeUndefined();
    expect(run.output).not.toContain('creating the embedded PostgreSQL cluster');
    auth = await login();
    const view = await combinedView(auth, id);
    expect(view.id).toBe(id);
    for (const d of DEPARTMENT_SERVICES) expect({ [d]: view.departments[d]?.orderId }).toEqual({ [d]: id });
    const second = await placeOrder(auth);
    await everyDepartmentHas(auth, second);
    expect(await run.stop('SIGINT')).toBe(0);
  }, 300_000);

  it('N7 zero-setup mode names the port that is taken and the variable that moves it, and leaves nothing running', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(servicePort('quality'), '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const code = await run.start();
      expect(run.output).toContain(`port ${servicePort('quality')} (quality) is already in use: stop what holds it or set QUALITY_PORT`);
      // What did start is closed at once (no watchdog needed), PostgreSQL included.
      expect(run.output).not.toContain('stopping takes longer');
      expect(code).toBe(1);
      expect(Date.now() - started).toBeLessThan(25_000);
      expect(await portAnswers(PG_PORT)).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 120_000);
});
