import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { ProductionAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('production');
  await startService(ProductionAppModule.register(config), config, {
    title: 'Production service',
    description: 'Owns the product catalog, engineering (technical review and support), work centres and capacity, and production plans.',
  });
});
