import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { LogisticsAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('logistics');
  await startService(LogisticsAppModule.register(config), config, {
    title: 'Logistics service',
    description: "Keeps the logistics department's copy of every order (from sales' events), serves it at /logistics/orders/{orderId} and acknowledges the issued version. Keeps an audit trail of its changes.",
  });
});
