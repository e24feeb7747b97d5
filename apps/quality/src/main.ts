import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { QualityAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('quality');
  await startService(QualityAppModule.register(config), config, {
    title: 'Quality service',
    description: 'Keeps the quality standards attainable per product (read-only over HTTP) and answers the quality review task from them; keeps its copy of every order and acknowledges the issued version. Keeps an audit trail of its changes.',
  });
});
