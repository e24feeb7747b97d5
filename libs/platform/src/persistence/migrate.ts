import { DataSource, MixedList } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import { ensureDatabase, typeOrmOptions } from './database';

/**
 * The `migrate` target of a service: applies its pending migrations and exits. Kubernetes runs it once per
 * release (a Job) before the new pods start; the service also runs them at start-up.
 */
export async function runMigrations(config: ServiceConfig, entities: MixedList<Function>, migrations: Function[]): Promise<string[]> {
  if (config.NODE_ENV !== 'production') await ensureDatabase(config.DATABASE_URL);
  const options = typeOrmOptions(config, entities, migrations);
  const dataSource = new DataSource({ ...(options as object), migrationsRun: false } as ConstructorParameters<typeof DataSource>[0]);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
