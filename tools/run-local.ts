import { join } from 'node:path';
import { SERVICES, ServiceName } from '@opm/contracts';
import { ensureDatabase } from '@opm/platform';
import { REPO_ROOT, ServiceProcess } from '@opm/testing';
import { LocalSettings, readLocalSettings } from './local/local-settings';
import { loadLocalCredentials } from './local/local-state';
import { startupBanner } from './local/startup-banner';

/**
 * Every service and the gateway as their own processes on this machine, logs under .local/logs: what
 * `npm start` runs when Kafka and PostgreSQL are configured, and `npm run start:infra` after starting both.
 * Kafka and PostgreSQL come from the environment (KAFKA_BROKERS, DATABASE_URL_TEMPLATE, <SERVICE>_DATABASE_URL)
 * or the local defaults; ports from GATEWAY_PORT and <SERVICE>_PORT.
 */
export async function runLocalProcesses(settings: LocalSettings = readLocalSettings(process.env, REPO_ROOT)): Promise<void> {
  const logDir = join(REPO_ROOT, '.local', 'logs');
  const own = (name: ServiceName): Record<string, string> => (settings.databaseUrls ? { DATABASE_URL: settings.databaseUrls[name] } : {});
  // Demo data on unless DEMO_DATA says otherwise (services seed master data, the gateway the demo users).
  const base = { NODE_ENV: process.env.NODE_ENV ?? 'development', DEMO_DATA: process.env.DEMO_DATA ?? 'true' };
  const services = SERVICES.map((s) => new ServiceProcess(s, settings.ports[s], { ...base, ...own(s), PORT: String(settings.ports[s]) }, logDir));
  const gatewayPort = settings.gatewayPort;
  const demo = { DEMO_PASSWORD: process.env.DEMO_PASSWORD ?? (await loadLocalCredentials(settings.dataDir)).demoPassword };
  const upstreams = Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${settings.ports[s]}`]));
  const gateway = new ServiceProcess('gateway', gatewayPort, { ...base, ...demo, ...upstreams, GATEWAY_PORT: String(gatewayPort) }, logDir);
  const all = [...services, gateway];
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      process.stdout.write('\nstopping...\n');
      await Promise.all(all.map((p) => p.stop()));
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    if (settings.databaseUrls && base.NODE_ENV !== 'production') await Promise.all(Object.values(settings.databaseUrls).map(ensureDatabase));
    await Promise.all(services.map((s) => s.start(120_000)));
    await gateway.start();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    await stop(1);
  }
  process.stdout.write(
    startupBanner({
      setup: 'every service as its own process',
      gatewayPort,
      services: services.map((s) => ({ name: s.name, url: s.baseUrl })),
      demoPassword: ['true', '1'].includes(base.DEMO_DATA) ? demo.DEMO_PASSWORD : undefined,
      logDir,
      startedInMs: process.uptime() * 1000,
    }),
  );
}

if (require.main === module) void runLocalProcesses();
