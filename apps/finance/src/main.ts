import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { FinanceAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('finance');
  await startService(FinanceAppModule.register(config), config, {
    title: 'Finance service',
    description: 'Owns credit accounts, cost estimates and accounting, invoices and payments.',
  });
});
