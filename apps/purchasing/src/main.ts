import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { PurchasingAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('purchasing');
  await startService(PurchasingAppModule.register(config), config, {
    title: 'Purchasing service',
    description: 'Keeps suppliers, bills of materials and stock on hand (read-only over HTTP) and answers the materials review task from them; keeps its copy of every order and of the catalog, and acknowledges the issued version. Keeps an audit trail of its changes.',
  });
});
