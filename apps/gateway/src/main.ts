import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, listen, runMain } from '@opm/platform';
import { GatewayAppModule } from './app.module';
import { loadGatewayConfig } from './config';
import { OpenApiAggregator } from './docs/openapi-aggregator';

runMain(async () => {
  const config = loadGatewayConfig();
  const app: NestFastifyApplication = await createHttpApp(GatewayAppModule.register(config), config, {
    title: 'Order process platform API',
    description: 'The one public entry: every department service under /api/v1, and the combined order view.',
    docsPath: 'api/docs',
    patchDocument: (doc) => app.get(OpenApiAggregator).merged(doc),
  });
  await listen(app, config);
});
