import { z } from 'zod';
import { authConfigShape, checkAuthConfig } from '../auth/auth-config';
import { currentEnv } from '../bootstrap/process-host';
import { EVENT_TRANSPORTS } from '../messaging/event-transport';
import { checkIdempotencyConfig, idempotencyConfigShape } from '../http/idempotency-config';
import { observabilityConfigShape } from '../observability/observability-config';

/** Only for development and tests: production refuses to start with it. */
export const DEVELOPMENT_AUDIT_CHECKPOINT_KEY = 'development-only-audit-key-change-me-0123';

/** Default HTTP ports, one per process, so the whole system runs side by side on one machine. */
export const DEFAULT_PORTS = {
  gateway: 3000,
  sales: 3001,
  production: 3002,
  purchasing: 3003,
  quality: 3004,
  finance: 3005,
  logistics: 3006,
} as const;
export type ProcessName = keyof typeof DEFAULT_PORTS;

const csv = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[^:]+:\d+$/, 'host:port')).min(1));

const baseSchema = (name: ProcessName) =>
  z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(1).max(65535).default(DEFAULT_PORTS[name]),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
    /** Seeds demo users and master data (customers, products, suppliers, work centres); refused in production. */
    DEMO_DATA: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    ...authConfigShape,
    ...observabilityConfigShape,
  });

const serviceSchema = (name: ProcessName) =>
  baseSchema(name).extend({
    DATABASE_URL: z.url().default(`postgres://postgres@127.0.0.1:5432/opm_${name}`),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** What carries events: Kafka, or the in-process broker of the zero-setup mode (all services in one process). */
    EVENT_TRANSPORT: z.enum(EVENT_TRANSPORTS).default('kafka'),
    KAFKA_BROKERS: csv.default(['localhost:9092']),
    KAFKA_CLIENT_ID: z.string().default(name),
    /** The service's consumer group (Nest appends `-server` on Kafka); one group per service, shared by its replicas. */
    KAFKA_GROUP_ID: z.string().default(name),
    /** Partitions a consumer handles side by side (each still in order); order events are keyed by order id. */
    KAFKA_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(3),
    /** How often the outbox relay polls when no NOTIFY arrives (a safety net, not the normal path). */
    OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(2000),
    /** Upper bound of the relay's exponential backoff while Kafka is unreachable. */
    OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().min(100).default(5000),
    /** A message whose handler fails this many times for an unknown reason goes to the dead-letter topic (transient failures do not count). */
    CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
    /** First wait before a failed message is tried again (its partition paused meanwhile); doubles per try. */
    CONSUMER_RETRY_INITIAL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
    /** Upper bound of that wait; a transient failure (deadlock, lost connection) is retried at this pace until it passes. */
    CONSUMER_RETRY_MAX_MS: z.coerce.number().int().min(10).max(600_000).default(30_000),
    /** How long a message waits for the event it builds on (NotYetApplicable) before it is dead-lettered. */
    CONSUMER_NOT_YET_APPLICABLE_MAX_SECONDS: z.coerce.number().int().min(1).max(7 * 86_400).default(900),
    /**
     * Inbox rows (the event ids already applied) are kept this long, then pruned: longer than the topics keep messages
     * and than dead letters are kept, so a redelivery or a replayed dead letter still finds its row.
     */
    INBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** Dead letters are kept this long for operators to list and replay, then pruned; at most INBOX_RETENTION_DAYS. */
    DEAD_LETTER_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** How often inbox and dead-letter rows past their retention are pruned. */
    MESSAGING_PRUNE_EVERY_MS: z.coerce.number().int().min(1000).default(3_600_000),
    /**
     * Test hook, refused in production: `<consumer>:<n>` makes the first n tries of every message of that consumer fail
     * with a real PostgreSQL serialization failure (40001), so a test can show transient failures are retried, not dead-lettered.
     */
    CONSUMER_TEST_TRANSIENT_FAILURES: z
      .string()
      .regex(/^[^:]+:\d+$/, '<consumer>:<count>')
      .optional()
      .transform((v) => (v === undefined ? undefined : { consumer: v.slice(0, v.lastIndexOf(':')), count: Number(v.slice(v.lastIndexOf(':') + 1)) })),
    ...idempotencyConfigShape,
    /** How often the audit sealer chains the entries committed since its last pass (issue 11). */
    AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(20).default(500),
    /** Signs the audit chain's checkpoints (HMAC-SHA256); production refuses the development default. */
    AUDIT_CHECKPOINT_KEY: z.string().min(32, 'AUDIT_CHECKPOINT_KEY must be at least 32 characters').default(DEVELOPMENT_AUDIT_CHECKPOINT_KEY),
  });

export type ServiceConfig = z.infer<ReturnType<typeof serviceSchema>> & { SERVICE_NAME: ProcessName };
export type BaseConfig = z.infer<ReturnType<typeof baseSchema>> & { SERVICE_NAME: ProcessName };

export class ConfigError extends Error {}

/** Settings that are valid one by one but not together (or not in production). */
function crossChecks(data: Record<string, unknown>): string[] {
  const production = data.NODE_ENV === 'production';
  const problems: string[] = [];
  if (data.DEMO_DATA && production) problems.push('DEMO_DATA: demo data is never seeded in production mode');
  if (data.CONSUMER_TEST_TRANSIENT_FAILURES !== undefined && production) {
    problems.push('CONSUMER_TEST_TRANSIENT_FAILURES: a test hook, never honoured in production mode');
  }
  if (typeof data.DEAD_LETTER_RETENTION_DAYS === 'number' && typeof data.INBOX_RETENTION_DAYS === 'number' && data.DEAD_LETTER_RETENTION_DAYS > data.INBOX_RETENTION_DAYS) {
    problems.push('DEAD_LETTER_RETENTION_DAYS: at most INBOX_RETENTION_DAYS, or a replayed dead letter could be applied twice');
  }
  return problems;
}

function parse<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const result = schema.safeParse(env);
  const problems = result.success
    ? [
        ...checkAuthConfig(result.data as Parameters<typeof checkAuthConfig>[0]),
        ...checkIdempotencyConfig(result.data as Parameters<typeof checkIdempotencyConfig>[0]),
        ...crossChecks(result.data as Record<string, unknown>),
        ...((result.data as { AUDIT_CHECKPOINT_KEY?: string; NODE_ENV?: string }).AUDIT_CHECKPOINT_KEY === DEVELOPMENT_AUDIT_CHECKPOINT_KEY &&
        (result.data as { NODE_ENV?: string }).NODE_ENV === 'production'
          ? ['AUDIT_CHECKPOINT_KEY: production mode refuses the development default; set a key of your own']
          : []),
      ]
    : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return result.data as z.infer<S>;
}

/** Validated once at boot (N6): a bad or missing variable stops the process with a message naming it. */
export function loadServiceConfig(name: ProcessName, env: NodeJS.ProcessEnv = currentEnv()): ServiceConfig {
  return { ...parse(serviceSchema(name), env), SERVICE_NAME: name };
}

export function loadBaseConfig<E extends z.ZodRawShape>(
  name: ProcessName,
  extra: E,
  env: NodeJS.ProcessEnv = currentEnv(),
): BaseConfig & z.infer<z.ZodObject<E>> {
  return { ...parse(baseSchema(name).extend(extra), env), SERVICE_NAME: name } as BaseConfig & z.infer<z.ZodObject<E>>;
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
