import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { QualityAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('quality');
  await startService(QualityAppModule.register(config), config, {
    title: 'Quality service',
    description: 'Owns quality standards, inspection plans, inspection reports and nonconformance.',
  });
});
