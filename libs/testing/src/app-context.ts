import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { ServiceName } from '@opm/contracts';
import { loadServiceConfig, recreateDatabase, ServiceConfig } from '@opm/platform';

export interface AppContextOptions {
  /** Names the test's own database (`opm_int_<name>`), so files can run side by side. */
  database: string;
  env?: Record<string, string>;
}

export interface AppContext {
  app: INestApplicationContext;
  dataSource: DataSource;
  config: ServiceConfig;
  close(): Promise<void>;
}

export const integrationDatabaseUrl = (name: string): string =>
  (process.env.TEST_INTEGRATION_DATABASE_URL_TEMPLATE ?? 'postgres://postgres@127.0.0.1:5432/opm_int_{name}').replace('{name}', name);

/**
 * A service's modules on a fresh database of the real PostgreSQL, without HTTP and without Kafka: the middle
 * level between unit and e2e tests. Events stay in the outbox table (the in-memory transport has no consumer),
 * so a test reads what a use case published there; migrations run as at start-up.
 */
export async function startAppContext(
  service: ServiceName,
  register: (config: ServiceConfig) => DynamicModule,
  options: AppContextOptions,
): Promise<AppContext> {
  const url = integrationDatabaseUrl(options.database);
  await recreateDatabase(url);
  const env = { DATABASE_URL: url, EVENT_TRANSPORT: 'memory', DEMO_DATA: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'test', ...options.env };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const restore = () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  // Service settings (SALES_CONFIG...) are read from the environment when the module is registered.
  Object.assign(process.env, env);
  try {
    const config = loadServiceConfig(service, process.env);
    const app = await NestFactory.createApplicationContext(register(config), { logger: ['error'], abortOnError: false });
    await app.init();
    const dataSource = app.get(DataSource);
    return {
      app,
      dataSource,
      config,
      close: async () => {
        await app.close();
        restore();
      },
    };
  } catch (err) {
    restore();
    throw err;
  }
}
