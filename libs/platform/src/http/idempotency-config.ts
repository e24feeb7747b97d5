import { z } from 'zod';

/**
 * Settings of the idempotency mechanism (`libs/platform/src/http/idempotency.ts`), part of every service's
 * validated configuration.
 */
export const idempotencyConfigShape = {
  /** How long a key and its stored answer are kept; a repeat after that is a new request. */
  IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().positive().max(24 * 366).default(24),
  /** How often expired keys are deleted (a `PeriodicJob`). */
  IDEMPOTENCY_PRUNE_EVERY_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /**
   * How long a repeat waits for a first request with the same key that is still running before it is answered
   * 409 with Retry-After; below the gateway's UPSTREAM_TIMEOUT_MS so the client sees the 409, not a 504.
   */
  IDEMPOTENCY_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /**
   * Test hook only (refused in production mode): `POST /orders` makes the process SIGKILL itself after an
   * idempotent request on that route committed and before it answered, as a crash would (CI's short form of
   * issue 11 item 8).
   */
  TEST_DIE_AFTER_IDEMPOTENT_COMMIT: z
    .string()
    .regex(/^[A-Z]+ \/\S*$/, 'METHOD /route, such as POST /orders')
    .optional(),
};

export type IdempotencyConfig = z.infer<z.ZodObject<typeof idempotencyConfigShape>>;

/** What the schema cannot say alone: the crash hook never runs in production. */
export function checkIdempotencyConfig(config: Partial<IdempotencyConfig> & { NODE_ENV?: string }): string[] {
  return config.TEST_DIE_AFTER_IDEMPOTENT_COMMIT !== undefined && config.NODE_ENV === 'production'
    ? ['TEST_DIE_AFTER_IDEMPOTENT_COMMIT: a test hook, refused in production mode']
    : [];
}
