import { Client } from 'pg';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { MixedList } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import { DeadLetterReplay1796164540107 } from './dead-letter-replay.migration';
import { MessagingTables1764100000000 } from './messaging-tables.migration';
import { OutboxHeaders1796165531573 } from './outbox-headers.migration';
import { AuditAndIdempotencyTables1764100000200 } from './platform-tables.migration';
import { IdempotencyAnswers1796164531236 } from './idempotency-answers.migration';
import { AuditSealing1796164479525 } from '../audit/audit-sealing.migration';

/** TypeORM for one service's own database (N3): migrations run at start-up, never schema sync. */
export function typeOrmOptions(
  config: ServiceConfig,
  entities: MixedList<Function>,
  migrations: Function[],
): TypeOrmModuleOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities,
    migrations: [
      MessagingTables1764100000000,
      AuditAndIdempotencyTables1764100000200,
      DeadLetterReplay1796164540107,
      IdempotencyAnswers1796164531236,
      OutboxHeaders1796165531573,
      ...migrations,
      AuditSealing1796164479525,
    ],
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: config.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000 },
    // Keep trying while PostgreSQL starts up or comes back.
    retryAttempts: 30,
    retryDelay: 1000,
  };
}

async function withServerAdmin(url: string, fn: (client: Client, name: string) => Promise<void>): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing database name ${JSON.stringify(name)}`);
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await fn(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` when it is missing (local runs and tests; production provisions its own). */
export async function ensureDatabase(url: string): Promise<void> {
  await withServerAdmin(url, async (client, name) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount !== 0) return;
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } catch (err) {
      // Two processes creating the same database at once: the loser sees a duplicate.
      const code = (err as { code?: string }).code;
      if (code !== '42P04' && code !== '23505') throw err;
    }
  });
}

/** Drops and recreates a database: test harnesses only. */
export async function recreateDatabase(url: string): Promise<void> {
  await withServerAdmin(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
}
