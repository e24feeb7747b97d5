import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SERVICES, ServiceName } from '@opm/contracts';
import { ensureDatabase, HostedEntryPoint, hostEntryPoint, sharedInMemoryBroker } from '@opm/platform';
import { REPO_ROOT } from '@opm/testing';
import { EmbeddedDatabase } from './embedded-database';
import { describeSetup, LocalSettings } from './local-settings';
import { LocalCredentials, loadLocalCredentials, lockStateDir } from './local-state';
import { startupBanner } from './startup-banner';

const say = (line: string): void => void process.stdout.write(`${line}\n`);
/** Each app's own entry point, built by `npm run build`: the same file a process of its own would run. */
const entryPoint = (name: string): string => join(REPO_ROOT, 'dist', 'apps', name, 'src', 'main.js');
const portVariable = (name: string): string => `${name.toUpperCase()}_PORT`;
const requireHere = createRequire(__filename);

/**
 * Loads an app's entry point synchronously, so that each app defines its modules without another app's
 * definitions interleaving (see `forgetDefaultDataSourceName`).
 */
function loadEntryPoint(name: string): () => Promise<void> {
  return async () => {
    forgetDefaultDataSourceName();
    requireHere(entryPoint(name));
  };
}

/**
 * @nestjs/typeorm keeps one process-wide list of data source names and warns, when a second app registers the
 * default name, that they "will override each other". They cannot here: TypeORM 0.3 keeps no global registry of
 * data sources, each app has its own DataSource in its own Nest container, and no app uses autoLoadEntities.
 * So the name is forgotten before each service registers its own; if that internal file moves, only the
 * warning comes back.
 */
function forgetDefaultDataSourceName(): void {
  try {
    const registry = requireHere('@nestjs/typeorm/dist/data-source-name.registry') as { DataSourceNameRegistry?: { unregister(name: string): void } };
    registry.DataSourceNameRegistry?.unregister('default');
  } catch {
    // a different layout of @nestjs/typeorm: the warning stays, nothing else changes
  }
}

/**
 * The zero-setup mode: the six services and the gateway as Nest applications inside this one Node.js process,
 * each on its own port and with its own database, as in production; events go through the in-memory broker
 * (or Kafka when KAFKA_BROKERS is set), the databases live on the embedded PostgreSQL (or the configured one).
 *
 * Ctrl-C closes the gateway, then the services (their consumers, relays and pools), then PostgreSQL; a second
 * Ctrl-C exits at once.
 */
export async function runInOneProcess(settings: LocalSettings): Promise<void> {
  const lock = await lockStateDir(settings.dataDir);
  const credentials = await loadLocalCredentials(settings.dataDir);
  let db: EmbeddedDatabase | undefined;
  let gateway: HostedEntryPoint | undefined;
  const services: HostedEntryPoint[] = [];
  let stopping = false;

  const stop = async (code: number): Promise<never> => {
    stopping = true;
    const watchdog = setTimeout(() => {
      say('stopping takes longer than 30 s: exiting now');
      process.exit(1);
    }, 30_000);
    watchdog.unref();
    const report = (what: string) => (err: unknown) => say(`${what}: ${(err as Error)?.message ?? String(err)}`);
    await gateway?.close().catch(report('gateway did not close cleanly'));
    await Promise.all(services.map((s) => s.close().catch(report(`${s.name} did not close cleanly`))));
    await db?.stop().catch(report('PostgreSQL did not stop cleanly'));
    await lock.release();
    if (code === 0) say('stopped.');
    process.exit(code);
  };
  const onSignal = (): void => {
    if (stopping) {
      say('stopping now');
      process.exit(130); // the embedded PostgreSQL still gets its stop request (stopWhenThisProcessExits)
    }
    say('\nstopping...');
    void stop(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    if (!settings.databaseUrls) {
      say(`starting the embedded PostgreSQL on 127.0.0.1:${settings.embeddedPgPort} (data in ${settings.dataDir})`);
      db = await EmbeddedDatabase.start({ dir: settings.dataDir, port: settings.embeddedPgPort, password: credentials.databasePassword, say });
      db.stopWhenThisProcessExits();
    }
    const embedded = db;
    const urls = Object.fromEntries(
      SERVICES.map((s) => [s, settings.databaseUrls?.[s] ?? (embedded as EmbeddedDatabase).url(`opm_${s}`)]),
    ) as Record<ServiceName, string>;
    await Promise.all(SERVICES.map((s) => ensureDatabase(urls[s])));
    shareSettings(settings, credentials);
    say(`starting ${SERVICES.join(', ')} and the gateway (${describeSetup(settings)})`);

    // Consumers of every service attach before any event flows, so none misses one sent during start-up.
    const hold = sharedInMemoryBroker.hold();
    let held = true;
    const attached = (): void => {
      if (held) hold();
      held = false;
    };
    try {
      // A service that fails to start closes its apps, and its relay may be waiting on the hold: release it first.
      const started = await Promise.allSettled(
        SERVICES.map((s) => hostEntryPoint(s, { PORT: String(settings.ports[s]), DATABASE_URL: urls[s] }, loadEntryPoint(s), attached)),
      );
      for (const result of started) if (result.status === 'fulfilled') services.push(result.value);
      const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    } finally {
      // Also when a service failed: relays waiting on the hold must finish for their apps to close.
      attached();
    }
    gateway = await hostEntryPoint('gateway', {}, loadEntryPoint('gateway'));
  } catch (err) {
    if (stopping) return;
    say(`cannot start: ${explain(err, settings)}`);
    await stop(1);
  }
  if (stopping) return;
  say(
    startupBanner({
      setup: describeSetup(settings),
      gatewayPort: settings.gatewayPort,
      services: SERVICES.map((s) => ({ name: s, url: `http://localhost:${settings.ports[s]}` })),
      demoPassword: ['true', '1'].includes(process.env.DEMO_DATA ?? '') ? process.env.DEMO_PASSWORD : undefined,
      dataDir: settings.dataDir,
      startedInMs: process.uptime() * 1000,
    }),
  );
}

/**
 * Settings every app of the process shares go into process.env; what differs per service (PORT, DATABASE_URL)
 * travels with its own entry point. Defaults of this mode only: the environment still wins.
 */
function shareSettings(settings: LocalSettings, credentials: LocalCredentials): void {
  const env = process.env;
  env.EVENT_TRANSPORT = settings.kafka ? 'kafka' : 'memory';
  env.NODE_ENV ??= 'development';
  // The console shows the banner and what needs attention; LOG_LEVEL=info shows every request.
  env.LOG_LEVEL ??= 'warn';
  // Demo users and the development token secret: reachable from this machine only unless HOST says otherwise.
  env.HOST ??= '127.0.0.1';
  env.DEMO_DATA ??= 'true';
  env.DEMO_PASSWORD ??= credentials.demoPassword;
  env.GATEWAY_PORT = String(settings.gatewayPort);
  for (const s of SERVICES) env[`${s.toUpperCase()}_URL`] = `http://127.0.0.1:${settings.ports[s]}`;
  delete env.PORT;
  delete env.DATABASE_URL;
}

/** A port taken is named with the variable that moves it. */
function explain(err: unknown, settings: LocalSettings): string {
  const message = err instanceof Error ? err.message : String(err);
  const taken = /^port (\d+) is already in use/.exec(message);
  if (!taken) return message;
  const port = Number(taken[1]);
  const owner = port === settings.gatewayPort ? 'gateway' : SERVICES.find((s) => settings.ports[s] === port);
  return owner ? `port ${port} (${owner}) is already in use: stop what holds it or set ${portVariable(owner)}` : message;
}
