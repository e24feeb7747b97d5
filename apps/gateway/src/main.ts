import 'reflect-metadata';
import { createHttpApp, listen, runMain } from '@opm/platform';
import { GatewayAppModule } from './app.module';
import { loadGatewayConfig } from './config';
import { OpenApiAggregator } from './docs/openapi-aggregator';

runMain(async () => {
  const config = loadGatewayConfig();
  let aggregator: OpenApiAggregator | undefined;
  const app = await createHttpApp(GatewayAppModule.register(config), config, {
    title: 'Order process platform API',
    description: 'The one public entry: every department service under /api/v1, and the combined order view.',
    docsPath: 'api/docs',
    patchDocument: (doc) => aggregator!.merged(doc),
  });
  aggregator = app.get(OpenApiAggregator);
  await listen(app, config);
});
