import 'reflect-metadata';
import { loadServiceConfig, runMain, runMigrations } from '@opm/platform';
import { QUALITY_ENTITIES, QUALITY_MIGRATIONS } from './app.module';

runMain(async () => {
  const applied = await runMigrations(loadServiceConfig('quality'), QUALITY_ENTITIES, QUALITY_MIGRATIONS);
  process.stdout.write(JSON.stringify({ service: 'quality', applied }) + '\n');
});
