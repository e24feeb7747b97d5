import 'reflect-metadata';
import { REPO_ROOT } from '@opm/testing';
import { runLocalProcesses } from '../run-local';
import { runInOneProcess } from './in-process-runner';
import { readLocalSettings } from './local-settings';

/**
 * `npm start` (after the build): with Kafka and PostgreSQL configured, every service as its own process;
 * otherwise all of them in this process on what is configured plus what is embedded (zero-setup).
 */
async function main(): Promise<void> {
  const settings = readLocalSettings(process.env, REPO_ROOT);
  if (settings.mode === 'processes') await runLocalProcesses(settings);
  else await runInOneProcess(settings);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
