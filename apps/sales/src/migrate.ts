import 'reflect-metadata';
import { loadServiceConfig, runMain, runMigrations } from '@opm/platform';
import { SALES_ENTITIES, SALES_MIGRATIONS } from './app.module';

runMain(async () => {
  const applied = await runMigrations(loadServiceConfig('sales'), SALES_ENTITIES, SALES_MIGRATIONS);
  process.stdout.write(JSON.stringify({ service: 'sales', applied }) + '\n');
});
