import 'reflect-metadata';
import { loadServiceConfig, runMain, runMigrations } from '@opm/platform';
import { FINANCE_ENTITIES, FINANCE_MIGRATIONS } from './app.module';

runMain(async () => {
  const applied = await runMigrations(loadServiceConfig('finance'), FINANCE_ENTITIES, FINANCE_MIGRATIONS);
  process.stdout.write(JSON.stringify({ service: 'finance', applied }) + '\n');
});
