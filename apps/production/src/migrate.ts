import 'reflect-metadata';
import { loadServiceConfig, runMain, runMigrations } from '@opm/platform';
import { PRODUCTION_ENTITIES, PRODUCTION_MIGRATIONS } from './app.module';

runMain(async () => {
  const applied = await runMigrations(loadServiceConfig('production'), PRODUCTION_ENTITIES, PRODUCTION_MIGRATIONS);
  process.stdout.write(JSON.stringify({ service: 'production', applied }) + '\n');
});
