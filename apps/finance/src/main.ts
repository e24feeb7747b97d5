import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { FinanceAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('finance');
  await startService(FinanceAppModule.register(config), config, {
    title: 'Finance service',
    description: "Owns the customers' credit accounts (limit, exposure from open orders, overdue debt), announced to sales for its credit check; answers the cost and margin review task from the catalog's standard costs; keeps its copy of every order and acknowledges the issued version. Keeps an audit trail of its changes.",
  });
});
