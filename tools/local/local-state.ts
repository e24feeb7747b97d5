import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Passwords the local mode makes up once and keeps in its state folder (file mode 0600), so restarts reuse them. */
export interface LocalCredentials {
  /** The embedded PostgreSQL's `postgres` role. */
  databasePassword: string;
  /** DEMO_PASSWORD of the demo users, unless the environment sets one. */
  demoPassword: string;
}

const fresh = (): string => randomBytes(12).toString('base64url');

export async function loadLocalCredentials(dataDir: string): Promise<LocalCredentials> {
  const file = join(dataDir, 'credentials.json');
  if (existsSync(file)) {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<LocalCredentials>;
    if (stored.databasePassword && stored.demoPassword) return { databasePassword: stored.databasePassword, demoPassword: stored.demoPassword };
    throw new Error(`${file} is incomplete: delete it only together with ${join(dataDir, 'postgres')} (the database keeps the old password)`);
  }
  const credentials: LocalCredentials = { databasePassword: fresh(), demoPassword: fresh() };
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return credentials;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/**
 * One `npm start` per state folder: a second one would find "its" PostgreSQL running and stop it as left over.
 * The lock is the pid in `host.pid`; a pid that is gone (or, where /proc tells, is no Node.js) does not count.
 */
export async function lockStateDir(dataDir: string): Promise<{ release(): Promise<void> }> {
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const file = join(dataDir, 'host.pid');
  const other = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  if (Number.isInteger(other) && other > 0 && other !== process.pid && alive(other)) {
    const cmdline = await readFile(`/proc/${other}/cmdline`, 'utf8').catch(() => 'node');
    if (cmdline.includes('node')) {
      throw new Error(`another npm start (pid ${other}) is using ${dataDir}: stop it first, or set LOCAL_DATA_DIR`);
    }
  }
  await writeFile(file, `${process.pid}\n`);
  return { release: () => rm(file, { force: true }) };
}
