import 'reflect-metadata';
import { loadServiceConfig, runMain, runMigrations } from '@opm/platform';
import { PURCHASING_ENTITIES, PURCHASING_MIGRATIONS } from './app.module';

runMain(async () => {
  const applied = await runMigrations(loadServiceConfig('purchasing'), PURCHASING_ENTITIES, PURCHASING_MIGRATIONS);
  process.stdout.write(JSON.stringify({ service: 'purchasing', applied }) + '\n');
});
