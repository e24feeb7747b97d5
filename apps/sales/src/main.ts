import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { SalesAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('sales');
  await startService(SalesAppModule.register(config), config, {
    title: 'Sales service',
    description: 'Owns orders and their lifecycle: intake, review, approval, issuance, tracking, settlement, change, archive.',
  });
});
