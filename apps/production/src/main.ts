import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { ProductionAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('production');
  await startService(ProductionAppModule.register(config), config, {
    title: 'Production service',
    description: 'Owns the product catalog (announced to the other services) and the work centres with their calendars; answers the technical and the production-capacity review tasks; keeps its copy of every order and acknowledges the issued version. Keeps an audit trail of its changes.',
  });
});
