import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { PurchasingAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('purchasing');
  await startService(PurchasingAppModule.register(config), config, {
    title: 'Purchasing service',
    description: 'Owns suppliers, bills of materials, purchase contracts and incoming inspection.',
  });
});
