import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { LogisticsAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('logistics');
  await startService(LogisticsAppModule.register(config), config, {
    title: 'Logistics service',
    description: "Keeps the logistics department's copy of every order (from sales' events) with its status, serves it at /logistics/orders/{orderId} with the order's shipments, and ships orders READY_TO_SHIP: shipments, dispatch and proof of delivery (R5.5). Keeps an audit trail of its changes.",
  });
});
