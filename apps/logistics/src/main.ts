import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { LogisticsAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('logistics');
  await startService(LogisticsAppModule.register(config), config, {
    title: 'Logistics service',
    description: 'Owns shipments, carriers and proof of delivery.',
  });
});
