import { AsyncLocalStorage } from 'node:async_hooks';
import type { INestApplication } from '@nestjs/common';
import { runWithServiceLogger } from '../observability/logger';

/**
 * Several process entry points (each app's unchanged main.ts) inside one Node.js process: the zero-setup local
 * mode. Each entry runs in an async context of its own that carries its own settings (PORT, DATABASE_URL...)
 * and collects the apps it creates, so the host, not each app, owns signals and shutdown order.
 */
interface HostedEntry {
  env: NodeJS.ProcessEnv;
  apps: INestApplication[];
  started?: Promise<unknown>;
}

const entries = new AsyncLocalStorage<HostedEntry>();

/** An entry point running inside a host, and the apps it started. */
export interface HostedEntryPoint {
  name: string;
  apps: readonly INestApplication[];
  /** Closes its apps (HTTP, consumers, relay, database pool), last created first. */
  close(): Promise<void>;
}

/** The settings of the entry point running now: its own over the process's; outside a host, the process's. */
export function currentEnv(): NodeJS.ProcessEnv {
  return entries.getStore()?.env ?? process.env;
}

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * Runs an entry point inside this process: `load` imports the module whose top level calls `runMain`; resolves
 * once its main has finished starting, with a handle to close what it started. A failed start closes its apps.
 */
export async function hostEntryPoint(
  name: string,
  env: Record<string, string>,
  load: () => Promise<unknown>,
  /** Told before the failed entry's apps are closed: closing may wait on what the host holds back (events). */
  onStartFailed?: (err: unknown) => void,
): Promise<HostedEntryPoint> {
  const entry: HostedEntry = { env: { ...process.env, ...env }, apps: [] };
  const level = entry.env.LOG_LEVEL && LOG_LEVELS.has(entry.env.LOG_LEVEL) ? entry.env.LOG_LEVEL : 'info';
  await entries.run(entry, () => runWithServiceLogger(name, level, load));
  if (!entry.started) throw new Error(`${name}: the module loaded did not call runMain (was it loaded before?)`);
  const hosted: HostedEntryPoint = {
    name,
    apps: entry.apps,
    close: async () => {
      for (const app of [...entry.apps].reverse()) await app.close();
    },
  };
  try {
    await entry.started;
  } catch (err) {
    onStartFailed?.(err);
    await hosted.close().catch(() => undefined);
    throw err;
  }
  return hosted;
}

/** For runMain: inside a host, the main is the host's to await and its failure the host's to report. */
export function adoptMain(main: () => Promise<unknown>): boolean {
  const entry = entries.getStore();
  if (!entry) return false;
  entry.started = main();
  return true;
}

/** For createHttpApp: inside a host, the host closes the app (one signal handler for all apps of the process). */
export function adoptApp(app: INestApplication): boolean {
  const entry = entries.getStore();
  if (!entry) return false;
  entry.apps.push(app);
  return true;
}
