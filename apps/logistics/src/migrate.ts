import 'reflect-metadata';
import { loadServiceConfig, runMain, runMigrations } from '@opm/platform';
import { LOGISTICS_ENTITIES, LOGISTICS_MIGRATIONS } from './app.module';

runMain(async () => {
  const applied = await runMigrations(loadServiceConfig('logistics'), LOGISTICS_ENTITIES, LOGISTICS_MIGRATIONS);
  process.stdout.write(JSON.stringify({ service: 'logistics', applied }) + '\n');
});
